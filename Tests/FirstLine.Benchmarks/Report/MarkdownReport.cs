using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using FirstLine.Benchmarks.Load;
using FirstLine.Benchmarks.Servers;

namespace FirstLine.Benchmarks.Report;

/// <summary>Renders a run as Markdown: the same text goes to stdout and to <c>--out</c>.</summary>
internal static class MarkdownReport
{
    private const double MiB = 1024 * 1024;

    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = report.Options;
        var text = new StringBuilder();
        Line(text, "## FirstLine Direct Line benchmark");
        Line(text);
        Line(text, $"{report.StartedAt:yyyy-MM-dd HH:mm} UTC · {options.Conversations} concurrent conversations × {options.Messages} messages "
            + $"(baseline: × {options.BaselineRounds} rounds; warm-up {options.WarmupConversations} × 2) · {Environment.ProcessorCount} cores · "
            + $"{RuntimeInformation.FrameworkDescription} · {RuntimeInformation.OSDescription} · {(GCSettings.IsServerGC ? "server" : "workstation")} GC · "
            + $"loopback, clients and server in one process · host load average {F(report.LoadAtStart, 1)} at start, {F(report.LoadAtEnd, 1)} at end");
        Line(text);
        Header(text);
        Row(text, report.Baseline);
        Row(text, report.FirstLine);
        RatioRow(text, "Ratio FirstLine / baseline", report.FirstLine, report.Baseline);
        Line(text);
        Line(text, "A turn is one message and its answer: the echo for the baseline; for FirstLine the time from `POST …/activities` "
            + "until the bot's `You said: …` arrives on the conversation's WebSocket. Turns/s counts the turn phase only, all conversations "
            + "talking at once with no think time; connecting (token, start, stream, greeting) is timed separately. Memory and CPU are "
            + "this whole process (server and clients) during the turn phase.");
        SqlProfile(text, report.SqlProfile);
        Notes(text, report);
        return text.ToString();
    }

    internal static void Header(StringBuilder text)
    {
        Line(text, "| Scenario | Turns ok | Errors | Turns/s | p50 ms | p99 ms | max ms | Connect p50 / p99 ms | GC heap peak MiB | Working set peak MiB | CPU cores busy | Pool threads peak | Alloc/turn KiB |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    internal static void Row(StringBuilder text, ScenarioResult r) => Line(text,
        $"| {r.Name}{(r.TimedOut ? " (TIMED OUT)" : string.Empty)} | {r.TurnsCompleted}/{r.TurnsPlanned} | {r.Errors} | {F(r.TurnsPerSecond, 0)} | "
        + $"{F(r.Turns.P50, 1)} | {F(r.Turns.P99, 1)} | {F(r.Turns.Max, 1)} | {F(r.Setup.P50, 1)} / {F(r.Setup.P99, 1)} | "
        + $"{F(r.Resources.PeakGcHeapBytes / MiB, 0)} | {F(r.Resources.PeakWorkingSetBytes / MiB, 0)} | {F(r.Resources.CpuCoresBusy, 2)} | "
        + $"{r.Resources.PeakPoolThreads} | {F(r.AllocatedBytesPerTurn / 1024, 1)} |");

    /// <summary>A scenario divided by its baseline: throughput below 1 and latency above 1 are what the scenario costs.</summary>
    internal static void RatioRow(StringBuilder text, string label, ScenarioResult firstLine, ScenarioResult baseline) => Line(text,
        $"| **{label}** | | | **{Ratio(firstLine.TurnsPerSecond, baseline.TurnsPerSecond)}** | "
        + $"**{Ratio(firstLine.Turns.P50, baseline.Turns.P50)}** | **{Ratio(firstLine.Turns.P99, baseline.Turns.P99)}** | "
        + $"{Ratio(firstLine.Turns.Max, baseline.Turns.Max)} | {Ratio(firstLine.Setup.P50, baseline.Setup.P50)} / {Ratio(firstLine.Setup.P99, baseline.Setup.P99)} | "
        + $"{Ratio(firstLine.Resources.PeakGcHeapBytes, baseline.Resources.PeakGcHeapBytes)} | "
        + $"{Ratio(firstLine.Resources.PeakWorkingSetBytes, baseline.Resources.PeakWorkingSetBytes)} | | | "
        + $"{Ratio(firstLine.AllocatedBytesPerTurn, baseline.AllocatedBytesPerTurn)} |");

    private static void SqlProfile(StringBuilder text, IReadOnlyList<SqlStatementTiming> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        Line(text);
        Line(text, "Database commands of the measured FirstLine run (`--sql-profile`; connect and turn phase, warm-up excluded):");
        Line(text);
        Line(text, "| Statement | Count | Total s | Mean ms | p50 ms | p99 ms | max ms | ≥ 150 ms (busy retry) | Failed |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in statements)
        {
            var mean = s.Duration.Count > 0 ? s.TotalMilliseconds / s.Duration.Count : double.NaN;
            Line(text, $"| {s.Statement} | {s.Duration.Count} | {F(s.TotalMilliseconds / 1000, 1)} | {F(mean, 1)} | {F(s.Duration.P50, 1)} | "
                + $"{F(s.Duration.P99, 1)} | {F(s.Duration.Max, 1)} | {s.AtLeastBusySleep} | {s.Failures} |");
        }
    }

    private static void Notes(StringBuilder text, BenchmarkReport report)
    {
        var notes = new List<string>(report.Notes);
        foreach (var scenario in new[] { report.Baseline, report.FirstLine })
        {
            notes.AddRange(scenario.ErrorSamples.Select(e => $"{scenario.Name}: {e}"));
        }

        var log = report.FirstLineLog;
        if (log.Warnings + log.Errors > 0)
        {
            notes.Add($"FirstLine logged {log.Warnings} warning(s) and {log.Errors} error(s); first: {string.Join(" | ", log.Samples)}");
        }

        if (notes.Count == 0)
        {
            return;
        }

        Line(text);
        Line(text, "Notes:");
        foreach (var note in notes)
        {
            Line(text, $"- {note.ReplaceLineEndings(" ")}");
        }
    }

    internal static string F(double value, int decimals) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) =>
        double.IsNaN(value) || double.IsNaN(baseline) || baseline <= 0 ? "–" : (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    internal static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
