using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace FirstLine.Benchmarks.KbSearch;

/// <summary>The Markdown table of a <c>kb-search</c> run, raw Lucene first, then FirstLine's search with its ratio.</summary>
internal static class KbSearchReport
{
    public static string Render(KbSearchResult result)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"## Knowledge-base search: {result.Articles:N0} generated articles ({result.LuceneDocuments:N0} Lucene documents)");
        Line($"");
        Line($"{result.Options.Queries:N0} queries (9 in 10 rephrase an article, 1 in 10 no article answers; de and en) × {result.Options.Rounds} rounds, seed {result.Options.Seed}; one thread, in process, after warm-up.");
        Line($"");
        Line($"| path | searches | p50 ms | p90 ms | p99 ms | max ms | p99 ÷ raw p99 |");
        Line($"|---|---:|---:|---:|---:|---:|---:|");
        var raw = result.Paths[0].Stats;
        foreach (var (name, stats) in result.Paths)
        {
            Line($"| {name} | {stats.Count:N0} | {stats.P50:F3} | {stats.Percentile(90):F3} | {stats.P99:F3} | {stats.Max:F1} | {stats.P99 / raw.P99:F1} |");
        }

        Line($"");
        Line($"Index build (load {result.Articles:N0} files, analyze, index): {result.IndexBuild.TotalSeconds:F1} s; managed memory held by the index ≈ {result.IndexBytes / 1048576.0:F0} MB.");
        Line($"Check that the timed search works at this size: top1 {result.Quality.Top1:F3} on the rephrased queries, {result.Quality.OosEscalated:F3} of the unanswerable ones escalated.");
        Line($"Machine: {Environment.ProcessorCount} cores, load average {result.LoadBefore:F1} before / {result.LoadAfter:F1} after the timed rounds; {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC.");
        return text.ToString();
    }
}
