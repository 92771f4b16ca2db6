namespace FirstLine.KnowledgeBase.Search;

/// <summary>
/// Logistic model from match features to the probability that an article is the right one.
/// Raw BM25 scores depend on query length and knowledge-base size; these features do not, so one
/// calibration serves small and large knowledge bases alike.
/// </summary>
public sealed class ConfidenceModel(ConfidenceCalibration weights)
{
    public double Confidence(MatchFeatures f)
    {
        var z = weights.Intercept
            + (weights.Coverage * f.Coverage)
            + (weights.ArticleCoverage * f.ArticleCoverage)
            + (weights.Margin * f.Margin)
            + (weights.Vote * f.Vote)
            + (weights.Known * f.Known);
        return 1 / (1 + Math.Exp(-z));
    }
}
