using FirstLine.KnowledgeBase.Language.Local;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>Accuracy and per-language confusion of a language detector on cases with <c>text</c> and <c>language</c>.</summary>
/// <param name="Cases">cases evaluated</param>
/// <param name="Accuracy">share detected as their stated language</param>
/// <param name="Confusion">expected language → detected language → count (<c>?</c> when a case states none; <c>(unknown)</c> when the text carries no signal)</param>
public sealed record LanguageEvaluation(
    int Cases,
    double Accuracy,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion)
{
    public static LanguageEvaluation Run(IReadOnlyList<EvaluationCase> cases, LanguageDetector detector)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detector);
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var correct = 0;
        foreach (var c in cases)
        {
            var detected = detector.Detect(c.Text).Code;
            var expected = c.Language ?? "?";
            correct += detected == expected ? 1 : 0;
            if (!confusion.TryGetValue(expected, out var row))
            {
                confusion[expected] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[detected] = row.GetValueOrDefault(detected) + 1;
        }

        return new LanguageEvaluation(
            cases.Count,
            cases.Count == 0 ? 0 : (double)correct / cases.Count,
            confusion.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Value, StringComparer.Ordinal));
    }

    /// <summary>Share of the cases of <paramref name="language"/> detected as it.</summary>
    public double Recall(string language) =>
        Confusion.TryGetValue(language, out var row) && row.Values.Sum() is > 0 and var total
            ? (double)row.GetValueOrDefault(language) / total
            : 0;
}
