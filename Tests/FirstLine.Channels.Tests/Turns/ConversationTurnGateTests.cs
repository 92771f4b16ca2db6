using System.Collections.Concurrent;
using FirstLine.Channels.Turns;

namespace FirstLine.Channels.Tests.Turns;

/// <summary>Turns of one conversation run one after another, in arrival order; conversations run side by side.</summary>
public sealed class ConversationTurnGateTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task Fifty_concurrent_turns_of_one_conversation_never_overlap_and_keep_arrival_order()
    {
        var gate = new ConversationTurnGate();
        var running = 0;
        var maxRunning = 0;
        var order = new ConcurrentQueue<int>();
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task TurnAsync(int number)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            order.Enqueue(number);
            if (number == 0)
            {
                firstEntered.SetResult();
                await releaseFirst.Task;
            }

            // Give another turn every chance to sneak in while this one is running.
            await Task.Yield();
            await Task.Delay(1);
            Interlocked.Decrement(ref running);
        }

        // Every turn arrives while the first one is still running, in this order.
        var turns = new List<Task> { gate.RunAsync("conv", () => TurnAsync(0), Timeout) };
        await firstEntered.Task.WaitAsync(Timeout);
        for (var i = 1; i < 50; i++)
        {
            var number = i;
            turns.Add(gate.RunAsync("conv", () => TurnAsync(number), Timeout));
        }

        releaseFirst.SetResult();
        await Task.WhenAll(turns).WaitAsync(Timeout);

        Assert.Equal(1, maxRunning);
        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task Turns_arriving_from_many_threads_at_once_never_overlap()
    {
        var gate = new ConversationTurnGate();
        var running = 0;
        var maxRunning = 0;
        var completed = 0;
        using var start = new ManualResetEventSlim();

        var turns = Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
        {
            start.Wait(Timeout);
            return gate.RunAsync("conv", async () =>
            {
                InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
                await Task.Delay(1);
                Interlocked.Decrement(ref running);
                Interlocked.Increment(ref completed);
            }, Timeout);
        })).ToList();
        start.Set();
        await Task.WhenAll(turns).WaitAsync(Timeout);

        Assert.Equal(1, maxRunning);
        Assert.Equal(50, completed);
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task Turns_of_different_conversations_run_in_parallel()
    {
        var gate = new ConversationTurnGate();
        const int Conversations = 8;

        // Each turn waits at the barrier until all of them are inside: this only finishes if they overlap.
        using var barrier = new Barrier(Conversations);
        var turns = Enumerable.Range(0, Conversations).Select(i => Task.Run(() => gate.RunAsync($"conv{i}", () =>
        {
            if (!barrier.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("The turns of different conversations did not run at the same time.");
            }

            return Task.CompletedTask;
        }, Timeout))).ToList();

        await Task.WhenAll(turns).WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_waiting_turn_of_one_conversation_does_not_hold_up_another_conversation()
    {
        var gate = new ConversationTurnGate();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = gate.RunAsync("slow", () => release.Task, Timeout);
        var queued = gate.RunAsync("slow", () => Task.CompletedTask, Timeout);

        await gate.RunAsync("fast", () => Task.CompletedTask, Timeout).WaitAsync(Timeout);

        Assert.False(queued.IsCompleted);
        release.SetResult();
        await Task.WhenAll(blocked, queued).WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_turn_that_starts_a_turn_of_its_own_conversation_does_not_deadlock()
    {
        var gate = new ConversationTurnGate();
        var inner = false;

        await gate.RunAsync("conv", async () =>
        {
            await gate.RunAsync("conv", () =>
            {
                inner = true;
                return Task.CompletedTask;
            }, Timeout);
        }, Timeout).WaitAsync(Timeout);

        Assert.True(inner);
    }

    [Fact]
    public async Task A_turn_may_start_a_turn_of_another_conversation()
    {
        var gate = new ConversationTurnGate();
        var inner = false;

        await gate.RunAsync("customer", () => gate.RunAsync("agent", () =>
        {
            inner = true;
            return Task.CompletedTask;
        }, Timeout), Timeout).WaitAsync(Timeout);

        Assert.True(inner);
    }

    [Fact]
    public async Task A_failing_turn_releases_the_conversation()
    {
        var gate = new ConversationTurnGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync("conv", () => throw new InvalidOperationException("boom"), Timeout));
        var ran = false;
        await gate.RunAsync("conv", () =>
        {
            ran = true;
            return Task.CompletedTask;
        }, Timeout).WaitAsync(Timeout);

        Assert.True(ran);
        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task A_waiting_turn_can_be_cancelled_without_blocking_the_ones_behind_it()
    {
        var gate = new ConversationTurnGate();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync("conv", () => release.Task, Timeout);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.RunAsync("conv", () => Task.CompletedTask, cancel.Token);
        var third = gate.RunAsync("conv", () => Task.CompletedTask, Timeout);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.SetResult();

        await Task.WhenAll(first, third).WaitAsync(Timeout);
        Assert.Equal(0, gate.ActiveConversations);
    }

    /// <summary>
    /// Regression: the "I already hold this conversation" marker is an AsyncLocal that flows into work the turn starts
    /// without awaiting (Task.Run, timers). It must stop counting once the turn has ended, or that work, continuing the
    /// same conversation later, skips the gate and runs alongside the next turn.
    /// </summary>
    [Fact]
    public async Task Work_a_turn_left_running_in_the_background_still_waits_for_the_gate_later()
    {
        var gate = new ConversationTurnGate();
        var running = 0;
        var maxRunning = 0;
        var startBackground = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextTurnInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseNextTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? background = null;

        async Task CountedAsync(Func<Task> body)
        {
            InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
            try
            {
                await body();
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        // Turn 1 schedules a reminder (e.g. "an agent will answer soon") and ends.
        await gate.RunAsync("conv", () =>
        {
            background = Task.Run(async () =>
            {
                await startBackground.Task;
                await gate.RunAsync("conv", () => CountedAsync(() => Task.Delay(50)), Timeout);
            });
            return Task.CompletedTask;
        }, Timeout);

        // Turn 2 is running when the reminder fires.
        var second = gate.RunAsync("conv", () => CountedAsync(async () =>
        {
            nextTurnInside.SetResult();
            await releaseNextTurn.Task;
        }), Timeout);
        await nextTurnInside.Task.WaitAsync(Timeout);
        startBackground.SetResult();
        await Task.Delay(200, Timeout);
        releaseNextTurn.SetResult();
        await Task.WhenAll(second, background!).WaitAsync(Timeout);

        Assert.Equal(1, maxRunning);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
