using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>
/// Fits the confidence model: logistic regression from match features to "this candidate is the expected
/// article", over every ranked candidate of every case (out-of-scope candidates are all wrong).
/// </summary>
public static class Calibrator
{
    public static ConfidenceCalibration Fit(IEnumerable<CaseOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var samples = outcomes
            .SelectMany(o => o.Result.Candidates.Select(c => (X: ConfidenceModel.Inputs(c.Features), Y: c.Article.Id == o.Case.Expected ? 1.0 : 0.0)))
            .ToList();
        var w = new double[6];
        const double rate = 0.5;
        const double l2 = 1e-4;
        for (var epoch = 0; epoch < 3000; epoch++)
        {
            var gradient = new double[w.Length];
            foreach (var (x, y) in samples)
            {
                var error = Sigmoid(Dot(w, x)) - y;
                for (var i = 0; i < w.Length; i++)
                {
                    gradient[i] += error * x[i];
                }
            }

            for (var i = 0; i < w.Length; i++)
            {
                w[i] -= rate * ((gradient[i] / samples.Count) + (i > 0 ? l2 * w[i] : 0));
            }
        }

        return new ConfidenceCalibration
        {
            Intercept = Math.Round(w[0], 3),
            Coverage = Math.Round(w[1], 3),
            ArticleCoverage = Math.Round(w[2], 3),
            Margin = Math.Round(w[3], 3),
            Vote = Math.Round(w[4], 3),
            Known = Math.Round(w[5], 3),
        };
    }

    private static double Dot(double[] w, double[] x) => w.Zip(x, (a, b) => a * b).Sum();

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
