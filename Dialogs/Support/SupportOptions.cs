namespace FirstLine.Dialogs.Support;

/// <summary>The <c>Support</c> configuration section: how patient the first-level conversation is.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>Articles or flows that did not help before the bot hands over to a human.</summary>
    public int MaxFailedAttempts { get; set; } = 2;

    /// <summary>Unusable answers to one question before the bot stops asking and hands over.</summary>
    public int MaxPromptAttempts { get; set; } = 3;

    /// <summary>Another candidate article is only tried after a "no" when the search was at least this sure of it.</summary>
    public double NextCandidateMinConfidence { get; set; } = 0.3;

    /// <summary>Longest part of a message that is read; the rest is ignored (the analyser reads 5,120 at most).</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>A request shorter than this (in words) that finds nothing is answered with "please describe it more" once.</summary>
    public int VagueRequestWords { get; set; } = 6;

    /// <summary>Negative sentiment at or above this score counts as strong frustration and raises the priority.</summary>
    public double StrongFrustrationScore { get; set; } = 0.75;

    /// <summary>Channels that cannot show buttons or hold a back-and-forth in one sitting; they get one answer per message.</summary>
    public IList<string> OneMessageChannels { get; set; } = ["email"];

    /// <summary>Problems of the problems: the values <see cref="SupportServiceCollectionExtensions"/> refuses at start.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFailedAttempts is < 1 or > 5)
        {
            yield return "Support:MaxFailedAttempts must be between 1 and 5 (articles tried before handing over).";
        }

        if (MaxPromptAttempts is < 1 or > 10)
        {
            yield return "Support:MaxPromptAttempts must be between 1 and 10.";
        }

        if (NextCandidateMinConfidence is < 0 or > 1)
        {
            yield return "Support:NextCandidateMinConfidence must be between 0 and 1.";
        }

        if (MaxMessageLength is < 100 or > 5000)
        {
            yield return "Support:MaxMessageLength must be between 100 and 5000 characters.";
        }

        if (VagueRequestWords is < 0 or > 30)
        {
            yield return "Support:VagueRequestWords must be between 0 and 30.";
        }

        if (StrongFrustrationScore is < 0 or > 1)
        {
            yield return "Support:StrongFrustrationScore must be between 0 and 1.";
        }
    }
}
