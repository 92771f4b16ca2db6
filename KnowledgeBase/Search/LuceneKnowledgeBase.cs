using System.Diagnostics;
using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Language.Local;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>
/// The knowledge base: articles loaded from a folder, searched with Lucene, and a calibrated confidence that
/// decides between answering, offering a choice and escalating.
/// </summary>
public sealed class LuceneKnowledgeBase : IKnowledgeBase, IDisposable
{
    private const int CandidatesPerLanguage = 5;

    private readonly KnowledgeBaseOptions options;
    private readonly KnowledgeBaseLoader loader;
    private readonly ConfidenceModel confidence;
    private readonly LanguageDetector detector;
    private readonly ILogger logger;
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile Snapshot? current;

    public LuceneKnowledgeBase(IOptions<KnowledgeBaseOptions> options, KnowledgeBaseLoader loader, ILogger<LuceneKnowledgeBase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.loader = loader;
        confidence = new ConfidenceModel(this.options.Calibration);
        detector = LanguageDetector.Default;
        this.logger = logger ?? NullLogger<LuceneKnowledgeBase>.Instance;
    }

    /// <summary>The article folder, resolved against the app binary's folder when relative.</summary>
    public string Folder => Path.GetFullPath(options.Path, AppContext.BaseDirectory);

    public IReadOnlyList<Article> Articles => Loaded.Articles;

    public KnowledgeBaseLoadReport LastLoad => current?.Report ?? KnowledgeBaseLoadReport.None;

    public Article? Find(string language, string id) => Loaded.ByKey.GetValueOrDefault(new ArticleKey(language, id));

    public async Task ReloadAsync(CancellationToken ct)
    {
        await reloading.WaitAsync(ct);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var load = await loader.LoadAsync(Folder, current?.Articles, ct);
            var index = ArticleIndex.Build(load.Articles);

            // Searches still running on the old index finish on it; it is left to the garbage collector
            // (an in-memory index holds no files) rather than disposed under their feet.
            current = new Snapshot(load.Articles, load.Articles.ToDictionary(a => a.Key), index, load.Report);
            logger.LogInformation("Knowledge-base index rebuilt with {ArticleCount} articles in {ElapsedMs:F0} ms",
                load.Articles.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            reloading.Release();
        }
    }

    public async Task<SearchResult> SearchAsync(string query, string? language, CancellationToken ct)
    {
        var text = QueryText.Clean(query, options.MaxQueryLength);
        if (current is null)
        {
            await ReloadAsync(ct);
        }

        var snapshot = Loaded;
        var searched = LanguagesToSearch(text, language, snapshot.Index.Languages);
        var candidates = searched
            .SelectMany(l => snapshot.Index.Search(l, text, CandidatesPerLanguage))
            .Select(m => new SearchCandidate(m.Article, m.Score, confidence.Confidence(m.Features), m.MatchedText, m.MatchedTerms, m.Features))
            .OrderByDescending(c => c.Confidence)
            .ToList();
        var result = Decide(candidates, searched.Count == 1 ? searched[0] : null);
        logger.LogDebug("Knowledge-base search in {Languages}: {Decision} ({Reason})", string.Join('+', searched), result.Decision, result.Reason);
        return result;
    }

    public void Dispose()
    {
        current?.Index.Dispose();
        reloading.Dispose();
    }

    /// <summary>The index searches run on now (benchmarks compare it with raw Lucene queries).</summary>
    internal ArticleIndex Index => Loaded.Index;

    private Snapshot Loaded => current
        ?? throw new InvalidOperationException("The knowledge base is not loaded yet: call ReloadAsync first (the host does this at start).");

    private List<string> LanguagesToSearch(string text, string? language, IReadOnlySet<string> available)
    {
        if (language is not null && available.Contains(language))
        {
            return [language];
        }

        var detected = detector.Detect(text);
        return detected.Confidence >= options.LanguageConfidence && available.Contains(detected.Code)
            ? [detected.Code]
            : [.. available.Order(StringComparer.Ordinal)];
    }

    private SearchResult Decide(List<SearchCandidate> candidates, string? language)
    {
        if (candidates.Count == 0)
        {
            return new SearchResult(SearchDecision.Escalate, candidates, language, "no article shares a word with the query");
        }

        var best = candidates[0];
        if (best.Features.ArticleCoverage < options.MinCoverage)
        {
            return new SearchResult(SearchDecision.Escalate, candidates, language,
                $"best match '{best.Article.Title}' covers only {best.Features.ArticleCoverage:P0} of the query (needs {options.MinCoverage:P0})");
        }

        if (best.Confidence >= options.AnswerThreshold)
        {
            return new SearchResult(SearchDecision.Answer, candidates, language,
                $"'{best.Article.Title}' is {best.Confidence:P0} sure (answer from {options.AnswerThreshold:P0})");
        }

        if (best.Confidence >= options.ClarifyThreshold)
        {
            return new SearchResult(SearchDecision.Clarify, candidates, language,
                $"best match '{best.Article.Title}' is only {best.Confidence:P0} sure; offering a choice")
            {
                OfferCount = Math.Min(options.ClarifyOptions, candidates.Count),
            };
        }

        return new SearchResult(SearchDecision.Escalate, candidates, language,
            $"best match '{best.Article.Title}' is {best.Confidence:P0} sure, below {options.ClarifyThreshold:P0}");
    }

    private sealed record Snapshot(
        IReadOnlyList<Article> Articles,
        Dictionary<ArticleKey, Article> ByKey,
        ArticleIndex Index,
        KnowledgeBaseLoadReport Report);
}
