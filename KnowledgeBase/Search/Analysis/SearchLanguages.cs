using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace FirstLine.KnowledgeBase.Search.Analysis;

/// <summary>
/// The analyzers of the languages the knowledge base searches. Built per load because German compound
/// splitting learns its parts from the articles' own vocabulary.
/// </summary>
internal sealed class SearchLanguages : IDisposable
{
    public static readonly IReadOnlyList<string> All = ["de", "en"];

    private static readonly Lazy<Dictionary<string, Lucene.Net.Analysis.Synonym.SynonymMap>> Synonyms =
        new(() => All.ToDictionary(l => l, SynonymMaps.Load));

    private readonly Dictionary<string, Analyzer> analyzers;

    /// <param name="germanTexts">German article texts whose words may be parts of compounds</param>
    public SearchLanguages(IEnumerable<string> germanTexts)
    {
        analyzers = new Dictionary<string, Analyzer>
        {
            ["de"] = new GermanSearchAnalyzer(Synonyms.Value["de"], CompoundParts(germanTexts)),
            ["en"] = new EnglishSearchAnalyzer(Synonyms.Value["en"]),
        };
    }

    public Analyzer For(string language) => analyzers[language];

    /// <summary>
    /// The searchable terms of <paramref name="text"/>, grouped by position: synonyms and compound parts
    /// share the position of the word they came from.
    /// </summary>
    public List<List<string>> Analyze(string language, string text)
    {
        var groups = new List<List<string>>();
        using var stream = For(language).GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (increment.PositionIncrement > 0 || groups.Count == 0)
            {
                groups.Add([value]);
            }
            else if (!groups[^1].Contains(value))
            {
                groups[^1].Add(value);
            }
        }

        stream.End();
        return groups;
    }

    public void Dispose()
    {
        foreach (var analyzer in analyzers.Values)
        {
            analyzer.Dispose();
        }
    }

    private static CharArraySet CompoundParts(IEnumerable<string> germanTexts)
    {
        var parts = new CharArraySet(LuceneVersion.LUCENE_48, 4096, ignoreCase: true);
        foreach (var word in EmbeddedData.ReadWords("it-words-de.txt"))
        {
            parts.Add(word);
        }

        using var tokenizer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(LuceneVersion.LUCENE_48, source));
        });
        foreach (var text in germanTexts)
        {
            using var stream = tokenizer.GetTokenStream("text", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var word = term.ToString();
                if (word.Length >= GermanSearchAnalyzer.MinCompoundPart && !GermanAnalyzer.DefaultStopSet.Contains(word) && word.All(char.IsLetter))
                {
                    parts.Add(word);
                }
            }

            stream.End();
        }

        return parts;
    }
}
