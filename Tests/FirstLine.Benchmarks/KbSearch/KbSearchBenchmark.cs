using System.Diagnostics;
using FirstLine.Benchmarks.Load;
using FirstLine.KnowledgeBase;
using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace FirstLine.Benchmarks.KbSearch;

/// <summary>
/// <c>kb-search</c>: the knowledge base's search-and-decide on a generated knowledge base of N articles, next to
/// a raw Lucene term query on the very same index in the same run, so the ratio says what FirstLine adds
/// (analysis, the query over four fields, ranking by article, features and the calibrated decision).
/// </summary>
internal static class KbSearchBenchmark
{
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await BenchmarkCommandLine.ParseAsync(() => KbSearchOptions.Parse(args), KbSearchOptions.Usage) is not { } options)
        {
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("firstline-kb-bench-").FullName;
        try
        {
            var report = await MeasureAsync(options, folder, ct);
            await BenchmarkCommandLine.WriteAsync(KbSearchReport.Render(report), options.OutputFile);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<KbSearchResult> MeasureAsync(KbSearchOptions options, string folder, CancellationToken ct)
    {
        var generator = new SyntheticKnowledgeBase(options.Seed);
        await Console.Error.WriteLineAsync($"writing {options.Articles} articles to {folder} …");
        await generator.WriteAsync(folder, options.Articles, ct);
        var queries = generator.Queries(options.Queries);

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var kb = new LuceneKnowledgeBase(Options.Create(new KnowledgeBaseOptions { Path = folder, WatchForChanges = false }), new KnowledgeBaseLoader());
        var loading = Stopwatch.StartNew();
        await kb.ReloadAsync(ct);
        loading.Stop();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        if (!kb.LastLoad.IsClean)
        {
            throw new InvalidOperationException($"the generated knowledge base has problems: {kb.LastLoad.Problems.First()}");
        }

        var searcher = kb.Index.Searcher;

        // The raw baseline: of the query's terms (analyzed as the index analyzes them), the one with the longest
        // posting list in the questions field, so the baseline does real work rather than miss a rare word.
        var rawQueries = queries
            .Select(q => kb.Index.Analyze(q.Language, q.Text).SelectMany(g => g)
                .Select(t => new Term(ArticleIndex.FieldName("q", q.Language), t))
                .MaxBy(searcher.IndexReader.DocFreq))
            .OfType<Term>()
            .Select(t => new TermQuery(t))
            .ToList();

        var paths = new (string Name, Func<int, Task> Run)[]
        {
            ("raw Lucene `TermQuery` (the query's most frequent term, questions field, top 10)", i => { searcher.Search(rawQueries[i % rawQueries.Count], 10); return Task.CompletedTask; }),
            ("`SearchAsync`, language given", i => kb.SearchAsync(queries[i].Text, queries[i].Language, ct)),
            ("`SearchAsync`, language detected", i => kb.SearchAsync(queries[i].Text, null, ct)),
        };

        await Console.Error.WriteLineAsync($"index built in {loading.ElapsedMilliseconds} ms; warming up …");
        var warmup = Stopwatch.StartNew();
        for (var pass = 0; pass < 2 || warmup.Elapsed < MinimumWarmup; pass++)
        {
            foreach (var (_, run) in paths)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    await run(i);
                }
            }
        }

        var loadBefore = MachineLoad.OneMinuteAverage();
        var timings = paths.Select(_ => new List<TimeSpan>(queries.Count * options.Rounds)).ToArray();

        // Query by query the three paths take turns, so a noisy moment on the machine hits them alike.
        for (var round = 0; round < options.Rounds; round++)
        {
            await Console.Error.WriteLineAsync($"round {round + 1} of {options.Rounds} …");
            for (var i = 0; i < queries.Count; i++)
            {
                for (var p = 0; p < paths.Length; p++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await paths[p].Run(i);
                    timings[p].Add(Stopwatch.GetElapsedTime(started));
                }
            }
        }

        var quality = await QualityAsync(kb, queries, ct);
        return new KbSearchResult(
            options,
            kb.Articles.Count,
            searcher.IndexReader.NumDocs,
            loading.Elapsed,
            memoryAfter - memoryBefore,
            [.. paths.Select((p, i) => (p.Name, new LatencyStats(timings[i])))],
            quality,
            loadBefore,
            MachineLoad.OneMinuteAverage());
    }

    // Not a quality measure (the queries are generated), a check that the timed search finds what it should.
    private static async Task<(double Top1, double OosEscalated)> QualityAsync(LuceneKnowledgeBase kb, IReadOnlyList<BenchmarkQuery> queries, CancellationToken ct)
    {
        var (top1, inScope, escalated, outOfScope) = (0, 0, 0, 0);
        foreach (var q in queries)
        {
            var result = await kb.SearchAsync(q.Text, q.Language, ct);
            if (q.Expected is null)
            {
                outOfScope++;
                escalated += result.Decision == SearchDecision.Escalate ? 1 : 0;
            }
            else
            {
                inScope++;
                top1 += result.Best?.Article.Id == q.Expected ? 1 : 0;
            }
        }

        return ((double)top1 / Math.Max(1, inScope), (double)escalated / Math.Max(1, outOfScope));
    }
}

/// <summary>What one <c>kb-search</c> run measured.</summary>
internal sealed record KbSearchResult(
    KbSearchOptions Options,
    int Articles,
    int LuceneDocuments,
    TimeSpan IndexBuild,
    long IndexBytes,
    IReadOnlyList<(string Name, LatencyStats Stats)> Paths,
    (double Top1, double OosEscalated) Quality,
    double LoadBefore,
    double LoadAfter);
