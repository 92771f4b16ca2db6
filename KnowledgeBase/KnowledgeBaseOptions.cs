namespace FirstLine.KnowledgeBase;

/// <summary>The <c>KnowledgeBase</c> configuration section.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string Section = "KnowledgeBase";

    /// <summary>Folder with the article files; relative paths are relative to the app binary.</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>Answer with the first article when its confidence reaches this value.</summary>
    public double AnswerThreshold { get; set; } = 0.85;

    /// <summary>Below <see cref="AnswerThreshold"/> but at least this: offer a choice of articles.</summary>
    public double ClarifyThreshold { get; set; } = 0.3;

    /// <summary>
    /// Escalate, whatever the confidence, when the best article covers less than this share of the query
    /// (weighted by word rarity): in a small knowledge base one shared word can look like a clear lead.
    /// </summary>
    public double MinCoverage { get; set; } = 0.3;

    /// <summary>Articles offered when the bot asks which one fits (2 or 3).</summary>
    public int ClarifyOptions { get; set; } = 3;

    /// <summary>Below this detection confidence the query is searched in both languages.</summary>
    public double LanguageConfidence { get; set; } = 0.5;

    /// <summary>Watch the folder and reload within seconds when an article file changes.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>Waits this long after the last file change before reloading, so one save reloads once.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest query searched; longer text is an error (pass the summary, not a whole email thread).</summary>
    public int MaxQueryLength { get; set; } = 4000;

    public ConfidenceCalibration Calibration { get; set; } = new();
}

/// <summary>
/// Weights of the logistic model that turns match features into the probability that the first article is
/// right. Fitted on the development sets with <c>eval kb … --calibrate</c>; see README.
/// </summary>
public sealed class ConfidenceCalibration
{
    public double Intercept { get; set; } = -1.389;

    /// <summary>Weight of the share of the query (by word rarity) found in the best matching question.</summary>
    public double Coverage { get; set; } = -0.884;

    /// <summary>Weight of the share of the query found anywhere in the article.</summary>
    public double ArticleCoverage { get; set; } = 1.984;

    /// <summary>Weight of the lead over the next article, (score - next) / score, times the article coverage.</summary>
    public double Margin { get; set; } = 6.21;

    /// <summary>Weight of the article's share of the score of the first twenty matches, times the article coverage.</summary>
    public double Vote { get; set; } = 4.663;

    /// <summary>Weight of the share of the query made of words the knowledge base knows at all.</summary>
    public double Known { get; set; } = -1.231;
}
