using FirstLine.Benchmarks.Report;

namespace FirstLine.Benchmarks;

/// <summary>
/// N concurrent Direct Line conversations against the real FirstLine host, next to a bare Kestrel
/// WebSocket echo measured in the same run; prints a Markdown table (and writes it to <c>--out</c>).
/// </summary>
internal static class Program
{
    /// <summary>Extra time after <c>--timeout</c> for an orderly stop before the process is ended regardless.</summary>
    private static readonly TimeSpan GraceAfterTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        if (args is ["kb-search", .. var kbSearchArgs])
        {
            return await KbSearch.KbSearchBenchmark.RunAsync(kbSearchArgs, CancellationToken.None);
        }

        if (args is ["mail-ingest", .. var mailIngestArgs])
        {
            return await MailIngest.MailIngestBenchmark.RunAsync(mailIngestArgs, CancellationToken.None);
        }

        if (args is ["scale-out", .. var scaleOutArgs])
        {
            return await ScaleOut.ScaleOutBenchmark.RunAsync(scaleOutArgs, CancellationToken.None);
        }

        if (await BenchmarkCommandLine.ParseAsync(() => BenchmarkOptions.Parse(args), BenchmarkOptions.Usage) is not { } options)
        {
            return 2;
        }

        // A benchmark that hangs (a deadlocked server, a socket that never closes) must still end: the
        // deadline cancels the run, and the watchdog ends the process if cancelling is not enough.
        using var deadline = new CancellationTokenSource(options.TotalTimeout);
        _ = WatchdogAsync(options.TotalTimeout + GraceAfterTimeout);
        try
        {
            var report = await BenchmarkRun.RunAsync(options, deadline.Token);
            await BenchmarkCommandLine.WriteAsync(MarkdownReport.Render(report), options.OutputFile);
            return report.Succeeded ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The benchmark did not finish within --timeout {options.TotalTimeout.TotalSeconds:0} s.");
            return 3;
        }
    }

    private static async Task WatchdogAsync(TimeSpan limit)
    {
        await Task.Delay(limit);
        await Console.Error.WriteLineAsync($"Hard timeout: still running after {limit.TotalSeconds:0} s; ending the process.");
        Environment.Exit(3);
    }
}
