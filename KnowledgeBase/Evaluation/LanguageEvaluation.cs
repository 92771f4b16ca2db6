using System.Text.Json;
using FirstLine.KnowledgeBase.Language.Local;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>Accuracy and confusion of the local language detector on cases with <c>text</c> and <c>language</c>.</summary>
internal static class LanguageEvaluation
{
    public static void Run(string casesFile, bool json)
    {
        var detector = LanguageDetector.Default;
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var correct = 0;
        var cases = EvaluationCase.Read(casesFile);
        foreach (var c in cases)
        {
            var detected = detector.Detect(c.Text).Code;
            var expected = c.Language ?? "?";
            correct += detected == expected ? 1 : 0;
            var row = confusion.TryGetValue(expected, out var r) ? r : confusion[expected] = new(StringComparer.Ordinal);
            row[detected] = row.GetValueOrDefault(detected) + 1;
        }

        var accuracy = cases.Count == 0 ? 0 : Math.Round((double)correct / cases.Count, 4);
        Console.WriteLine($"# {casesFile}: cases={cases.Count} accuracy={accuracy}");
        foreach (var (expected, row) in confusion)
        {
            Console.WriteLine($"{expected}: {string.Join(", ", row.Select(d => $"{d.Key}={d.Value}"))}");
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { cases = cases.Count, accuracy, confusion }));
        }
    }
}
