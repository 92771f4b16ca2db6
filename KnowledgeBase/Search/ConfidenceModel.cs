namespace FirstLine.KnowledgeBase.Search;

/// <summary>
/// Logistic model from match features to the probability that an article is the right one.
/// Raw BM25 scores depend on query length and knowledge-base size; these features do not, so one
/// calibration serves small and large knowledge bases alike.
/// </summary>
/// <remarks>
/// Lead and vote count in proportion to how much of the query the article covers: being the only article
/// that shares one common word with "what's the weather tomorrow" is no evidence at all.
/// </remarks>
public sealed class ConfidenceModel(ConfidenceCalibration weights)
{
    /// <summary>The model's inputs: a constant, then one value per weight of <see cref="ConfidenceCalibration"/>.</summary>
    public static double[] Inputs(MatchFeatures f) =>
        [1, f.Coverage, f.ArticleCoverage, f.Margin * f.ArticleCoverage, f.Vote * f.ArticleCoverage, f.Known];

    public double Confidence(MatchFeatures f)
    {
        double[] w = [weights.Intercept, weights.Coverage, weights.ArticleCoverage, weights.Margin, weights.Vote, weights.Known];
        var z = w.Zip(Inputs(f), (a, b) => a * b).Sum();
        return 1 / (1 + Math.Exp(-z));
    }
}
