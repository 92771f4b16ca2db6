using FirstLine.Benchmarks.Clients;
using FirstLine.Benchmarks.Load;
using FirstLine.Benchmarks.Servers;

namespace FirstLine.Benchmarks;

/// <summary>Both scenarios in one process, one after the other, each on its own freshly started server.</summary>
internal static class BenchmarkRun
{
    private const int WarmupMessages = 2;

    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineLoad.OneMinuteAverage();
        var notes = new List<string>();
        using var http = BenchmarkHttp.Create(options.Conversations);

        ScenarioResult baseline;
        await using (var echo = await EchoServer.StartAsync(cancellationToken))
        {
            baseline = await MeasureAsync(
                "Baseline: Kestrel WebSocket echo",
                user => new EchoTurnClient(echo.BaseUrl, user),
                options with { Messages = options.Messages * options.BaselineRounds },
                notes,
                afterWarmup: null,
                cancellationToken);
        }

        ScenarioResult firstLine;
        ServerLogSummary log;
        var profile = options.SqlProfile ? new SqlCommandProfile() : null;
        await using (var host = await FirstLineHost.StartAsync(profile, cancellationToken))
        {
            firstLine = await MeasureAsync(
                "FirstLine: Direct Line + SQLite + echo bot",
                user => new DirectLineTurnClient(http, host.BaseUrl, host.Secret, user),
                options,
                notes,
                () => profile?.Clear(),
                cancellationToken);
            log = new ServerLogSummary(host.Log.Warnings, host.Log.Errors, [.. host.Log.Samples]);
        }

        return new BenchmarkReport(options, startedAt, loadAtStart, MachineLoad.OneMinuteAverage(), baseline, firstLine, log, profile?.Summarize() ?? [], notes);
    }

    internal static async Task<ScenarioResult> MeasureAsync(
        string name, Func<int, ITurnClient> createClient, BenchmarkOptions options, List<string> notes, Action? afterWarmup, CancellationToken cancellationToken)
    {
        if (options.WarmupConversations > 0)
        {
            // A cold process measures the JIT, empty connection pools and an empty SQLite cache, not the server.
            Progress($"{name}: warm-up, {options.WarmupConversations} conversations × {WarmupMessages} messages");
            var warmup = await LoadRunner.RunAsync(name, createClient, options.WarmupConversations, WarmupMessages, options.TurnTimeout, cancellationToken);
            if (warmup.Errors > 0)
            {
                notes.Add($"{name}: warm-up had {warmup.Errors} error(s): {string.Join("; ", warmup.ErrorSamples)}");
            }
        }

        afterWarmup?.Invoke();
        Progress($"{name}: {options.Conversations} conversations × {options.Messages} messages");
        var result = await LoadRunner.RunAsync(name, createClient, options.Conversations, options.Messages, options.TurnTimeout, cancellationToken);
        Progress($"{name}: {result.TurnsCompleted}/{result.TurnsPlanned} turns in {result.TurnPhase.TotalSeconds:0.00} s, {result.Errors} error(s)");
        return result;
    }

    /// <summary>Progress goes to stderr so stdout carries only the table.</summary>
    internal static void Progress(string message) => Console.Error.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {message}");
}
