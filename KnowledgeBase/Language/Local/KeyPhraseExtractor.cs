using System.Text.RegularExpressions;

namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>
/// Key phrases as runs of up to three content words between function words and punctuation, ranked by how
/// often their words occur and how long they are ("VPN-Client", "printer queue").
/// </summary>
public static partial class KeyPhraseExtractor
{
    private const int MaxPhrases = 10;

    private static readonly Lazy<Dictionary<string, HashSet<string>>> StopWords = new(() =>
        LanguageDetector.Supported.ToDictionary(
            l => l,
            l => EmbeddedData.ReadWords($"stopwords-{l}.txt").ToHashSet(StringComparer.Ordinal)));

    public static IReadOnlyList<string> Extract(string text, string language)
    {
        var stop = StopWords.Value.GetValueOrDefault(language) ?? StopWords.Value["en"];
        var phrases = new List<List<string>>();
        foreach (Match chunk in Chunks().Matches(text))
        {
            var run = new List<string>();
            foreach (Match word in Words().Matches(chunk.Value))
            {
                if (stop.Contains(word.Value.ToLowerInvariant()) || word.Value.Length < 3 || run.Count == 3)
                {
                    Flush(run, phrases);
                }

                if (!stop.Contains(word.Value.ToLowerInvariant()) && word.Value.Length >= 3)
                {
                    run.Add(word.Value);
                }
            }

            Flush(run, phrases);
        }

        var frequency = phrases.SelectMany(p => p).GroupBy(w => w.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        return [.. phrases
            .Select(p => (Text: string.Join(' ', p), Rank: p.Sum(w => frequency[w.ToLowerInvariant()]) + p.Count + (p.Any(w => char.IsUpper(w[0])) ? 0.5 : 0)))
            .DistinctBy(p => p.Text.ToLowerInvariant())
            .OrderByDescending(p => p.Rank)
            .Take(MaxPhrases)
            .Select(p => p.Text)];
    }

    private static void Flush(List<string> run, List<List<string>> phrases)
    {
        if (run.Count > 0)
        {
            phrases.Add([.. run]);
            run.Clear();
        }
    }

    [GeneratedRegex(@"[^.,;:!?()\[\]""\n]+")]
    private static partial Regex Chunks();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-']*")]
    private static partial Regex Words();
}
