using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Search.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>
/// An in-memory Lucene index of one load of articles. Every customer phrasing is its own document, and
/// title, tags and body form one more, so a query is matched against the phrasing closest to it.
/// Immutable once built: a reload builds a new index and swaps it in.
/// </summary>
internal sealed class ArticleIndex : IDisposable
{
    private const int HitsConsidered = 200;
    private const int VoteHits = 20;
    private const int MaxQueryTerms = 100;

    // Where a word matches says how much it counts: the customer's own phrasings first, the body last.
    private static readonly (string Prefix, float Boost)[] Fields = [("q", 1.0f), ("t", 0.9f), ("g", 0.7f), ("b", 0.35f)];

    private readonly SearchLanguages languages;
    private readonly RAMDirectory directory;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly TermStates termStates;
    private readonly NumericDocValues ordinals;
    private readonly List<IndexedText> texts;
    private readonly Dictionary<ArticleKey, HashSet<string>> articleTerms;
    private readonly Dictionary<string, Dictionary<string, int>> documentFrequency;
    private readonly Dictionary<string, int> textCount;

    private ArticleIndex(IReadOnlyList<Article> articles)
    {
        languages = new SearchLanguages(articles.Where(a => a.Language == "de").SelectMany(AllTexts));
        directory = new RAMDirectory();
        texts = [];
        articleTerms = [];
        documentFrequency = SearchLanguages.All.ToDictionary(l => l, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        textCount = SearchLanguages.All.ToDictionary(l => l, _ => 0);

        var perField = SearchLanguages.All
            .SelectMany(l => Fields.Select(f => (Field: FieldName(f.Prefix, l), Analyzer: languages.For(l))))
            .ToDictionary(x => x.Field, x => x.Analyzer);
        using (var fieldAnalyzer = new PerFieldAnalyzerWrapper(languages.For("en"), perField))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, fieldAnalyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
        }))
        {
            foreach (var article in articles)
            {
                AddArticle(writer, article);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        termStates = new TermStates(reader);
        ordinals = MultiDocValues.GetNumericValues(reader, "ord") ?? DocValues.EMPTY_NUMERIC;
        Languages = articles.Select(a => a.Language).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The Lucene searcher over this index, for baselines that bypass ranking and the decision.</summary>
    internal IndexSearcher Searcher => searcher;

    /// <summary>The searchable terms of <paramref name="text"/> as this index analyzes it, grouped by position.</summary>
    internal List<List<string>> Analyze(string language, string text) => languages.Analyze(language, text);

    /// <summary>Languages that have at least one article.</summary>
    public IReadOnlySet<string> Languages { get; }

    public static ArticleIndex Build(IReadOnlyList<Article> articles) => new(articles);

    /// <summary>The best matching articles of <paramref name="language"/>, best first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<ArticleMatch> Search(string language, string text, int max)
    {
        var groups = languages.Analyze(language, text);
        var terms = groups.SelectMany(g => g).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            foreach (var (prefix, boost) in Fields)
            {
                if (termStates.Find(FieldName(prefix, language), term) is { } state)
                {
                    query.Add(new TermQuery(new Term(FieldName(prefix, language), term), state) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        // A collector that takes documents in order makes Lucene use the disjunction scorer instead of
        // BooleanScorer, whose table of 2,048 buckets is allocated on every search: for short queries on
        // a small index that table was most of the search's memory traffic (and its collections the tail).
        var collector = TopScoreDocCollector.Create(HitsConsidered, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return Rank(language, groups, collector.GetTopDocs().ScoreDocs, max);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        languages.Dispose();
    }

    private List<ArticleMatch> Rank(string language, List<List<string>> groups, ScoreDoc[] hits, int max)
    {
        var best = new Dictionary<ArticleKey, (IndexedText Text, double Score)>();
        var seen = new Dictionary<ArticleKey, int>();
        var votes = new Dictionary<ArticleKey, double>();
        var voteTotal = 0.0;
        for (var i = 0; i < hits.Length; i++)
        {
            var text = texts[(int)ordinals.Get(hits[i].Doc)];
            var key = text.Article.Key;

            // An article whose several phrasings match is likelier than one with a single lucky match:
            // its next best texts add with halving weight.
            var n = seen.GetValueOrDefault(key);
            seen[key] = n + 1;
            best[key] = n == 0 ? (text, hits[i].Score) : (best[key].Text, best[key].Score + (hits[i].Score * Math.Pow(0.75, n)));
            if (i < VoteHits)
            {
                votes[key] = votes.GetValueOrDefault(key) + hits[i].Score;
                voteTotal += hits[i].Score;
            }
        }

        var ranked = best.Values.OrderByDescending(b => b.Score).Take(max).ToList();
        var weights = GroupWeights(language, groups);
        var matches = new List<ArticleMatch>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var (text, score) = ranked[i];
            var other = i == 0 ? (ranked.Count > 1 ? ranked[1].Score : 0) : ranked[0].Score;
            var features = new MatchFeatures(
                Coverage: Coverage(groups, weights, text.Terms),
                ArticleCoverage: Coverage(groups, weights, articleTerms[text.Article.Key]),
                Margin: (score - other) / score,
                Vote: voteTotal > 0 ? votes.GetValueOrDefault(text.Article.Key) / voteTotal : 0,
                Known: weights.Known);
            var matched = groups.SelectMany(g => g).Where(text.Terms.Contains).Distinct().ToList();
            matches.Add(new ArticleMatch(text.Article, score, text.Text, matched, features));
        }

        return matches;
    }

    private (double[] Weights, double Known) GroupWeights(string language, List<List<string>> groups)
    {
        var df = documentFrequency[language];
        var n = textCount[language];
        double Idf(int frequency) => Math.Log(1 + ((n - frequency + 0.5) / (frequency + 0.5)));

        // A word the knowledge base has never seen weighs most: it is what the article would have to be about.
        var weights = new double[groups.Count];
        var known = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var frequencies = groups[g].Select(t => df.GetValueOrDefault(t)).Where(f => f > 0).ToList();
            weights[g] = frequencies.Count > 0 ? Idf(frequencies.Max()) : Idf(0);
            known += frequencies.Count > 0 ? weights[g] : 0;
        }

        var total = weights.Sum();
        return (weights, total > 0 ? known / total : 0);
    }

    private static double Coverage(List<List<string>> groups, (double[] Weights, double Known) weights, HashSet<string> terms)
    {
        var covered = 0.0;
        var total = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            total += weights.Weights[g];
            covered += groups[g].Exists(terms.Contains) ? weights.Weights[g] : 0;
        }

        return total > 0 ? covered / total : 0;
    }

    private void AddArticle(IndexWriter writer, Article article)
    {
        var allTerms = new HashSet<string>(StringComparer.Ordinal);
        articleTerms[article.Key] = allTerms;
        foreach (var question in article.Questions)
        {
            AddText(writer, article, question, [("q", question)], allTerms);
        }

        var body = string.Join('\n', article.Summary, article.Category, Markdig.Markdown.ToPlainText(article.Body));
        AddText(writer, article, article.Title, [("t", article.Title), ("g", string.Join(", ", article.Tags)), ("b", body)], allTerms);
    }

    private void AddText(IndexWriter writer, Article article, string shown, (string Prefix, string Text)[] fields, HashSet<string> allTerms)
    {
        var language = article.Language;
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var document = new Document { new NumericDocValuesField("ord", texts.Count) };
        foreach (var (prefix, text) in fields)
        {
            document.Add(new TextField(FieldName(prefix, language), text, Field.Store.NO));
            terms.UnionWith(languages.Analyze(language, text).SelectMany(g => g));
        }

        writer.AddDocument(document);
        texts.Add(new IndexedText(article, shown, terms));
        allTerms.UnionWith(terms);
        textCount[language]++;
        var df = documentFrequency[language];
        foreach (var term in terms)
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }
    }

    private static IEnumerable<string> AllTexts(Article article) =>
        [article.Title, article.Summary ?? "", article.Body, .. article.Questions, .. article.Tags];

    /// <summary>The Lucene field of a text kind (<c>q</c> questions, <c>t</c> title, <c>g</c> tags, <c>b</c> body) in a language.</summary>
    internal static string FieldName(string prefix, string language) => $"{prefix}_{language}";

    private sealed record IndexedText(Article Article, string Text, HashSet<string> Terms);
}
