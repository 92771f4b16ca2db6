namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// <c>mail-ingest</c>: N mails (bodies and subjects from the German and English ticket corpus) from Dovecot into
/// FirstLine tickets, next to a bare MailKit fetch-and-parse of the same mailbox in the same run: mails/s, the ratio,
/// and the memory high-water mark.
/// </summary>
internal static class MailIngestBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (await BenchmarkCommandLine.ParseAsync(() => MailIngestOptions.Parse(args), MailIngestOptions.Usage) is not { } options)
        {
            return 2;
        }

        using var deadline = new CancellationTokenSource(options.TotalTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await MeasureAsync(options, linked.Token);
            await BenchmarkCommandLine.WriteAsync(MailIngestReport.Render(result), options.OutputFile);
            return result.Repetitions.All(r => r.Complete(options)) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The benchmark did not finish within --timeout {options.TotalTimeout.TotalSeconds:0} s.");
            return 3;
        }
    }

    /// <summary>Every repetition, one after the other.</summary>
    public static async Task<MailIngestResult> MeasureAsync(MailIngestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = TicketCorpus.Load(options.TicketsDirectory);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineLoad.OneMinuteAverage();
        var repetitions = new List<RepetitionResult>();
        for (var i = 1; i <= options.Repetitions; i++)
        {
            repetitions.Add(await MailIngestRun.RunAsync(options, corpus, i, cancellationToken));
        }

        return new MailIngestResult(options, startedAt, loadAtStart, MachineLoad.OneMinuteAverage(), corpus.Count, repetitions);
    }
}

/// <summary>Everything one <c>mail-ingest</c> run measured.</summary>
internal sealed record MailIngestResult(
    MailIngestOptions Options,
    DateTimeOffset StartedAt,
    double LoadAtStart,
    double LoadAtEnd,
    int CorpusSize,
    IReadOnlyList<RepetitionResult> Repetitions);
