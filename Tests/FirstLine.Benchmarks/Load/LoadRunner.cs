using System.Collections.Concurrent;
using System.Diagnostics;
using FirstLine.Benchmarks.Clients;

namespace FirstLine.Benchmarks.Load;

/// <summary>
/// Drives N users against one server: all connect at once, then all take their M turns at once, each user
/// waiting for the answer before sending again (closed loop, no think time). Only the turn phase is timed
/// for throughput; connecting is reported as its own latency.
/// </summary>
internal static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(
        string name,
        Func<int, ITurnClient> createClient,
        int conversations,
        int messages,
        TimeSpan turnTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        var errors = new ErrorLog();
        var clients = Enumerable.Range(0, conversations).Select(createClient).ToArray();
        var setup = new ConcurrentQueue<TimeSpan>();
        var turns = new ConcurrentQueue<TimeSpan>();
        var timedOut = false;
        try
        {
            var connected = await ConnectAllAsync(clients, setup, errors, turnTimeout, cancellationToken);
            await using var sampler = ResourceSampler.Start();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.WhenAll(connected.Select(c => TalkAsync(c, messages, turns, errors, turnTimeout, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
            }

            var turnPhase = Stopwatch.GetElapsedTime(started);
            var resources = await sampler.StopAsync();
            return new ScenarioResult(name, conversations, messages, new LatencyStats(setup), new LatencyStats(turns), turnPhase, resources, errors.Count, errors.Samples, timedOut);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<IReadOnlyList<ITurnClient>> ConnectAllAsync(
        ITurnClient[] clients, ConcurrentQueue<TimeSpan> setup, ErrorLog errors, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connected = new ConcurrentBag<ITurnClient>();
        await Task.WhenAll(clients.Select(async client =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.ConnectAsync(limit.Token);
                setup.Enqueue(Stopwatch.GetElapsedTime(started));
                connected.Add(client);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Add("connect", Explain(exception, limit, timeout));
            }
        }));
        cancellationToken.ThrowIfCancellationRequested();
        return [.. connected];
    }

    private static async Task TalkAsync(
        ITurnClient client, int messages, ConcurrentQueue<TimeSpan> turns, ErrorLog errors, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Let every user start before any gets far ahead: the WhenAll above starts them one after another.
        await Task.Yield();
        for (var turn = 0; turn < messages; turn++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                turns.Enqueue(await client.TakeTurnAsync(turn, limit.Token));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // After a lost turn the conversation's state is unknown; this user stops talking.
                errors.Add($"turn {turn}", Explain(exception, limit, timeout));
                return;
            }
        }
    }

    private static Exception Explain(Exception exception, CancellationTokenSource limit, TimeSpan timeout) =>
        exception is OperationCanceledException && limit.IsCancellationRequested
            ? new TimeoutException($"no answer within {timeout.TotalSeconds:0} s", exception)
            : exception;
}
