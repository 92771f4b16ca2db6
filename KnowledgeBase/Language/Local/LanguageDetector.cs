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

    // Letters and word shapes typical of one language; they decide short texts without function words,
    // such as ticket subjects ("Kritischer Fehler aufgetreten").
    private static readonly (string Language, Regex Pattern, double Weight)[] Letters =
    [
        ("de", GermanLetters(), 1.5),
        ("de", GermanShapes(), 0.5),
        ("en", EnglishShapes(), 0.5),
        ("fr", FrenchLetters(), 1.0),
        ("fr", FrenchShapes(), 0.5),
        ("es", SpanishLetters(), 1.5),
        ("es", SpanishShapes(), 0.5),
        ("pt", PortugueseLetters(), 1.5),
        ("it", ItalianShapes(), 0.5),
        ("nl", DutchShapes(), 0.7),
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

    [GeneratedRegex(@"sch|tz|\w{3,}(ung|ungen|keit|heit|lich|isch|chen|ige|iger|igen|er|en)\b|\b(ge|be|ver|zer|ent|auf|aus|ein)\w{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex GermanShapes();

    [GeneratedRegex(@"\w{2,}(ing|tion|ed|ly|ity|ness|ment|ous|ive|ful|ight|ould)\b|\bth\w*|\w*w\w*|\w+y\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishShapes();

    // Letters Portuguese shares (à, â, ê, ô, ç) are left to the function words; elisions are typically French.
    [GeneratedRegex(@"[èëîïûùœ]|\b[ldjnmcs]'\p{L}|\bqu'", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchLetters();

    [GeneratedRegex(@"é|eau|\w+(eur|euse|eux|ité|aire|ique|ais|ait|ez)\b|\w*ou\w*", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchShapes();

    [GeneratedRegex("[ñ¿¡]|ción\\b|ciones\\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishLetters();

    [GeneratedRegex(@"\w+(idad|ado|ada|ados|adas|amos|emos|ía|ío)\b|\bll\w+|\w+os\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishShapes();

    [GeneratedRegex("[ãõ]|ção\\b|ções\\b|\\blh\\w|\\w+nh[ao]s?\\b|\\w+lh[ao]s?\\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortugueseLetters();

    [GeneratedRegex(@"\w+(zione|zioni|ità|mente|ggio|zza)\b|gli|[ìò]|\w+cch\w*", RegexOptions.IgnoreCase)]
    private static partial Regex ItalianShapes();

    [GeneratedRegex(@"\w+ij\w*|\w+(lijk|heid)\b|\w*(aa|uu|oe)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex DutchShapes();
}
