using System.Diagnostics;
using FirstLine.Benchmarks.Load;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// One repetition: a fresh mailbox and a fresh FirstLine host, both warmed up on <c>--warmup</c> mails; then
/// <c>--mails</c> more are appended and read twice — by a bare MailKit client (read-only), then by FirstLine into tickets.
/// </summary>
internal static class MailIngestRun
{
    private static readonly string[] Folders = ["INBOX", "FirstLine/Processed", "FirstLine/Failed"];

    public static async Task<RepetitionResult> RunAsync(MailIngestOptions options, IReadOnlyList<CorpusTicket> corpus, int repetition, CancellationToken cancellationToken)
    {
        var mailbox = BenchmarkMailbox.Fresh(options);
        try
        {
            BenchmarkRun.Progress($"repetition {repetition}: {mailbox.Address}, warm-up with {options.Warmup} mails");
            await mailbox.FillAsync(corpus, options.Warmup, cancellationToken);
            await RawMailFetch.ReadAllAsync(mailbox, cancellationToken);
            await using var firstLine = await FirstLineIngest.StartAsync(options, mailbox, cancellationToken);
            BenchmarkRun.Progress($"repetition {repetition}: FirstLine host started");
            await firstLine.IngestAsync(options.Warmup, cancellationToken);

            BenchmarkRun.Progress($"repetition {repetition}: appending {options.Mails} mails");
            await mailbox.FillAsync(corpus, options.Mails, cancellationToken);

            var raw = await MeasureAsync(() => RawMailFetch.ReadAllAsync(mailbox, cancellationToken));
            BenchmarkRun.Progress($"repetition {repetition}: raw MailKit read {raw.Mails} mails in {raw.Elapsed.TotalSeconds:F2} s");

            var expected = options.Warmup + options.Mails;
            var ingested = await MeasureAsync(async () =>
            {
                var (elapsed, tickets) = await firstLine.IngestAsync(expected, cancellationToken);
                return (tickets - options.Warmup, (TimeSpan?)elapsed);
            });
            BenchmarkRun.Progress($"repetition {repetition}: FirstLine made {ingested.Mails} tickets in {ingested.Elapsed.TotalSeconds:F2} s");

            return new RepetitionResult(
                repetition,
                raw,
                ingested,
                await firstLine.OutcomesAsync(cancellationToken),
                await mailbox.CountAsync("INBOX", cancellationToken),
                await mailbox.CountAsync("FirstLine/Processed", cancellationToken),
                new ServerLogSummary(firstLine.Log.Warnings, firstLine.Log.Errors, [.. firstLine.Log.Samples]),
                firstLine.Log.ExpectedWarningsAndErrors);
        }
        finally
        {
            await mailbox.EmptyAsync(Folders, CancellationToken.None);
        }
    }

    private static Task<ScenarioFigures> MeasureAsync(Func<Task<int>> read) =>
        MeasureAsync(async () => (await read(), (TimeSpan?)null));

    /// <summary>Times <paramref name="work"/> (or takes the time it reports) and samples this process's memory meanwhile.</summary>
    private static async Task<ScenarioFigures> MeasureAsync(Func<Task<(int Mails, TimeSpan? Elapsed)>> work)
    {
        await using var sampler = ResourceSampler.Start();
        var started = Stopwatch.GetTimestamp();
        var (mails, reported) = await work();
        var elapsed = reported ?? Stopwatch.GetElapsedTime(started);
        return new ScenarioFigures(mails, elapsed, await sampler.StopAsync());
    }
}

/// <summary>Mails handled, the time they took, and what the process used meanwhile.</summary>
internal sealed record ScenarioFigures(int Mails, TimeSpan Elapsed, ResourceUsage Usage)
{
    public double MailsPerSecond => Mails / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>One repetition's figures and the checks that FirstLine really made every mail a ticket.</summary>
internal sealed record RepetitionResult(
    int Repetition,
    ScenarioFigures Raw,
    ScenarioFigures FirstLine,
    MailOutcomes Outcomes,
    int LeftInInbox,
    int InProcessedFolder,
    ServerLogSummary Log,
    int OutboxComplaints)
{
    public bool Complete(MailIngestOptions options) =>
        Raw.Mails == options.Mails && FirstLine.Mails == options.Mails && Outcomes.Failed == 0
        && Outcomes.DistinctTickets == options.Warmup + options.Mails && LeftInInbox == 0 && InProcessedFolder == options.Warmup + options.Mails;
}
