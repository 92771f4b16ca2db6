using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FirstLine.Benchmarks.Clients;
using FirstLine.Benchmarks.Load;
using FirstLine.Benchmarks.Report;
using FirstLine.Benchmarks.Servers;

namespace FirstLine.Benchmarks.ScaleOut;

/// <summary>
/// The Direct Line load against one node and against two nodes sharing PostgreSQL and Redis, in the same run: what
/// the shared stores cost. Both nodes run in this process (each its own host and services, so they meet only through
/// PostgreSQL and Redis), and every conversation crosses nodes: its stream sits on one, its messages go to the other.
/// </summary>
internal static class ScaleOutBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (await BenchmarkCommandLine.ParseAsync(() => ScaleOutOptions.Parse(args), ScaleOutOptions.Usage) is not { } options)
        {
            return 2;
        }

        using var deadline = new CancellationTokenSource(options.Load.TotalTimeout * options.Rounds);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineLoad.OneMinuteAverage();
        var notes = new List<string>();
        using var http = BenchmarkHttp.Create(options.Load.Conversations);

        var rounds = new List<Round>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            // One, two, two, one, …: a drift over the run favours neither scenario.
            var oneFirst = round % 2 == 1;
            var first = oneFirst ? await MeasureOneNodeAsync(options, round, http, notes, linked.Token) : await MeasureTwoNodesAsync(options, round, http, notes, linked.Token);
            var second = oneFirst ? await MeasureTwoNodesAsync(options, round, http, notes, linked.Token) : await MeasureOneNodeAsync(options, round, http, notes, linked.Token);
            rounds.Add(oneFirst ? new Round(first, second) : new Round(second, first));
        }

        await BenchmarkCommandLine.WriteAsync(Render(options, startedAt, loadAtStart, rounds, notes), options.Load.OutputFile);
        return rounds.SelectMany(r => r.Scenarios).All(r => r.Errors == 0 && !r.TimedOut && r.TurnsCompleted == r.TurnsPlanned) ? 0 : 1;
    }

    private static async Task<ScenarioResult> MeasureOneNodeAsync(ScaleOutOptions options, int round, HttpClient http, List<string> notes, CancellationToken cancellationToken)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(options.Postgres, cancellationToken);
        await using var node = await FirstLineHost.StartAsync(profile: null, cancellationToken, database.Settings);
        var result = await BenchmarkRun.MeasureAsync(
            $"One node: PostgreSQL, in-process notifier (round {round})",
            user => new DirectLineTurnClient(http, node.BaseUrl, node.Secret, user),
            options.Load,
            notes,
            afterWarmup: null,
            cancellationToken);
        AddLogNote(notes, $"one node (round {round})", node.Log);
        return result;
    }

    private static async Task<ScenarioResult> MeasureTwoNodesAsync(ScaleOutOptions options, int round, HttpClient http, List<string> notes, CancellationToken cancellationToken)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(options.Postgres, cancellationToken);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        string[] settings = [.. database.Settings, $"--Scaling:Redis={options.Redis}", $"--Scaling:KeyPrefix=firstline-bench-{Guid.NewGuid():N}"];
        await using var a = await FirstLineHost.StartAsync(profile: null, cancellationToken, settings, secret);
        await using var b = await FirstLineHost.StartAsync(profile: null, cancellationToken, settings, secret);
        FirstLineHost[] nodes = [a, b];
        var result = await BenchmarkRun.MeasureAsync(
            $"Two nodes: PostgreSQL + Redis, stream on one node, posts through the other (round {round})",
            user => new DirectLineTurnClient(http, nodes[user % 2].BaseUrl, secret, user, postUrl: nodes[(user + 1) % 2].BaseUrl),
            options.Load,
            notes,
            afterWarmup: null,
            cancellationToken);
        AddLogNote(notes, $"node A (round {round})", a.Log);
        AddLogNote(notes, $"node B (round {round})", b.Log);
        return result;
    }

    private static void AddLogNote(List<string> notes, string node, ServerLogCounter log)
    {
        if (log.Warnings + log.Errors > 0)
        {
            notes.Add($"{node} logged {log.Warnings} warning(s) and {log.Errors} error(s); first: {string.Join(" | ", log.Samples)}");
        }
    }

    private static string Render(ScaleOutOptions options, DateTimeOffset startedAt, double loadAtStart, IReadOnlyList<Round> rounds, List<string> notes)
    {
        var load = options.Load;
        var text = new StringBuilder();
        MarkdownReport.Line(text, "## FirstLine scale-out benchmark: one node vs two nodes sharing PostgreSQL and Redis");
        MarkdownReport.Line(text);
        MarkdownReport.Line(text, string.Create(CultureInfo.InvariantCulture, $"{startedAt:yyyy-MM-dd HH:mm} UTC · {load.Conversations} concurrent conversations × {load.Messages} messages (warm-up {load.WarmupConversations} × 2) · "
            + $"{rounds.Count} round(s), run as one, two, two, one, … · {Environment.ProcessorCount} cores · clients and both nodes in one process, loopback · echo bot · "
            + $"host load average {MarkdownReport.F(loadAtStart, 1)} at start, {MarkdownReport.F(MachineLoad.OneMinuteAverage(), 1)} at end"));
        MarkdownReport.Line(text);
        MarkdownReport.Header(text);
        foreach (var (round, index) in rounds.Select((r, i) => (r, i + 1)))
        {
            MarkdownReport.Row(text, round.OneNode);
            MarkdownReport.Row(text, round.TwoNodes);
            MarkdownReport.RatioRow(text, $"Ratio two nodes / one node (round {index})", round.TwoNodes, round.OneNode);
        }

        if (rounds.Count > 1)
        {
            MarkdownReport.Line(text);
            MarkdownReport.Line(text, string.Create(CultureInfo.InvariantCulture,
                $"Over all rounds (mean of the rounds): one node {MarkdownReport.F(rounds.Average(r => r.OneNode.TurnsPerSecond), 0)} turns/s, p99 {MarkdownReport.F(rounds.Average(r => r.OneNode.Turns.P99), 0)} ms; "
                + $"two nodes {MarkdownReport.F(rounds.Average(r => r.TwoNodes.TurnsPerSecond), 0)} turns/s, p99 {MarkdownReport.F(rounds.Average(r => r.TwoNodes.Turns.P99), 0)} ms; "
                + $"ratio of throughput {MarkdownReport.F(rounds.Average(r => r.TwoNodes.TurnsPerSecond) / rounds.Average(r => r.OneNode.TurnsPerSecond), 2)}×, "
                + $"of p99 {MarkdownReport.F(rounds.Average(r => r.TwoNodes.Turns.P99) / rounds.Average(r => r.OneNode.Turns.P99), 2)}×."));
        }

        MarkdownReport.Line(text);
        MarkdownReport.Line(text, "Both scenarios use a fresh PostgreSQL database. With two nodes every turn crosses nodes: the message is posted to one, "
            + "the echo and the reply reach the customer's stream on the other through Redis pub/sub, and the turn holds the conversation's Redis lock. "
            + "Both nodes share this machine's cores, so the ratio shows the cost of the shared stores, not the gain of a second machine.");
        foreach (var scenario in rounds.SelectMany(r => r.Scenarios))
        {
            notes.AddRange(scenario.ErrorSamples.Select(e => $"{scenario.Name}: {e}"));
        }

        if (notes.Count > 0)
        {
            MarkdownReport.Line(text);
            MarkdownReport.Line(text, "Notes:");
            foreach (var note in notes)
            {
                MarkdownReport.Line(text, $"- {note.ReplaceLineEndings(" ")}");
            }
        }

        return text.ToString();
    }

    private sealed record Round(ScenarioResult OneNode, ScenarioResult TwoNodes)
    {
        public IEnumerable<ScenarioResult> Scenarios => [OneNode, TwoNodes];
    }
}
