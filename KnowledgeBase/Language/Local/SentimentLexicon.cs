using System.Globalization;

namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>One language's sentiment words with their valence, and the words that negate or intensify them.</summary>
internal sealed class SentimentLexicon
{
    private readonly Dictionary<string, double> words = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, double Valence)> stems = [];

    private SentimentLexicon(string language)
    {
        foreach (var line in EmbeddedData.ReadLines($"sentiment-{language}.txt"))
        {
            var parts = line.Split('\t');
            var valence = double.Parse(parts[1], CultureInfo.InvariantCulture);
            if (parts[0].EndsWith('*'))
            {
                stems.Add((parts[0].TrimEnd('*'), valence));
            }
            else
            {
                words[parts[0]] = valence;
            }
        }

        foreach (var line in EmbeddedData.ReadLines($"modifiers-{language}.txt"))
        {
            var parts = line.Split('\t');
            var kind = parts[0].Split(' ');
            foreach (var word in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (kind[0] == "negate")
                {
                    Negators.Add(word);
                }
                else
                {
                    Scalers[word] = double.Parse(kind[1], CultureInfo.InvariantCulture);
                }
            }
        }
    }

    public HashSet<string> Negators { get; } = new(StringComparer.Ordinal);

    /// <summary>Boosters (factor above 1) and dampeners (below 1) of the next sentiment word.</summary>
    public Dictionary<string, double> Scalers { get; } = new(StringComparer.Ordinal);

    public static SentimentLexicon For(string language) => Lexicons.Value.GetValueOrDefault(language) ?? Lexicons.Value["en"];

    /// <summary>The valence of a word or two-word phrase (lower case), 0 when it carries none.</summary>
    public double Valence(string phrase)
    {
        if (words.TryGetValue(phrase, out var valence))
        {
            return valence;
        }

        foreach (var (prefix, stemValence) in stems)
        {
            if (phrase.StartsWith(prefix, StringComparison.Ordinal))
            {
                return stemValence;
            }
        }

        return 0;
    }

    private static readonly Lazy<Dictionary<string, SentimentLexicon>> Lexicons =
        new(() => new() { ["de"] = new SentimentLexicon("de"), ["en"] = new SentimentLexicon("en") });
}
