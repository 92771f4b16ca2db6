using System.Text.RegularExpressions;

namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>
/// Offline language detection for de, en, fr, es, pt, it and nl from function words (which every sentence
/// has, whatever its topic) and letters that only some languages use. Support messages are short, so both
/// signals are counted and the confidence says how clearly the winner stands out.
/// </summary>
public sealed partial class LanguageDetector
{
    public static readonly IReadOnlyList<string> Supported = ["de", "en", "fr", "es", "pt", "it", "nl"];

    private static readonly Lazy<LanguageDetector> Shared = new(() => new LanguageDetector());

    // A word found in several lists says less about each language than a word found in one.
    private readonly Dictionary<string, List<(string Language, double Weight)>> functionWords = [];

    private static readonly (string Language, Regex Pattern, double Weight)[] Letters =
    [
        ("de", GermanLetters(), 1.5),
        ("de", GermanEndings(), 0.6),
        ("en", EnglishEndings(), 0.6),
        ("fr", FrenchLetters(), 1.0),
        ("es", SpanishLetters(), 1.5),
        ("pt", PortugueseLetters(), 1.5),
        ("it", ItalianEndings(), 0.4),
        ("nl", DutchLetters(), 1.0),
    ];

    public LanguageDetector()
    {
        foreach (var language in Supported)
        {
            foreach (var word in EmbeddedData.ReadWords($"stopwords-{language}.txt").Distinct())
            {
                if (!functionWords.TryGetValue(word, out var entries))
                {
                    functionWords[word] = entries = [];
                }

                entries.Add((language, 1.0));
            }
        }

        foreach (var entries in functionWords.Values)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i] = (entries[i].Language, 1.0 / entries.Count);
            }
        }
    }

    /// <summary>One detector for the whole process; it holds only read-only tables.</summary>
    public static LanguageDetector Default => Shared.Value;

    /// <summary>The most likely language, or <see cref="DetectedLanguage.Unknown"/> without any signal.</summary>
    public DetectedLanguage Detect(string text)
    {
        var scores = Score(text);
        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        if (ranked.Count == 0 || ranked[0].Value <= 0)
        {
            return DetectedLanguage.Unknown;
        }

        var best = ranked[0].Value;
        var second = ranked.Count > 1 ? ranked[1].Value : 0;

        // Share of the winner against the runner-up, damped for texts with little evidence.
        var share = best / (best + second);
        var evidence = best / (best + 1.0);
        return new DetectedLanguage(ranked[0].Key, Math.Round(share * evidence, 3));
    }

    private Dictionary<string, double> Score(string text)
    {
        var scores = new Dictionary<string, double>();
        foreach (Match word in Words().Matches(text.ToLowerInvariant()))
        {
            if (functionWords.TryGetValue(word.Value, out var entries))
            {
                foreach (var (language, weight) in entries)
                {
                    scores[language] = scores.GetValueOrDefault(language) + weight;
                }
            }
        }

        foreach (var (language, pattern, weight) in Letters)
        {
            var count = pattern.Count(text);
            if (count > 0)
            {
                scores[language] = scores.GetValueOrDefault(language) + (weight * Math.Min(count, 5));
            }
        }

        return scores;
    }

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();

    [GeneratedRegex("[äöüß]", RegexOptions.IgnoreCase)]
    private static partial Regex GermanLetters();

    [GeneratedRegex(@"\w{3,}(ung|keit|heit|lich|isch|chen)\b|\bsch\w+", RegexOptions.IgnoreCase)]
    private static partial Regex GermanEndings();

    [GeneratedRegex(@"\w{2,}(ing|tion|ly|ed)\b|\bth\w+", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishEndings();

    // Letters Portuguese shares (à, â, ê, ô, ç) are left to the function words; elisions are typically French.
    [GeneratedRegex(@"[èëîïûùœ]|\b[ldjnmcs]'\p{L}|\bqu'", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchLetters();

    [GeneratedRegex("[ñ¿¡]|ción\\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishLetters();

    [GeneratedRegex("[ãõ]|ção\\b|ções\\b|\\blh\\w|\\w+nh[ao]\\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortugueseLetters();

    [GeneratedRegex(@"\w+(zione|zioni|gli|mente)\b|[ìò]", RegexOptions.IgnoreCase)]
    private static partial Regex ItalianEndings();

    [GeneratedRegex(@"\w+ij\w*|\w+(lijk|heid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DutchLetters();
}
