using System.Collections.Concurrent;
using FirstLine.Bot.Handoff;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>What one node publishes reaches the other through the real Redis, and turns hold across nodes.</summary>
public sealed class RedisFanOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private RedisNode a = null!;
    private RedisNode b = null!;

    public async Task InitializeAsync()
    {
        var desk = ScalingServers.NewKeyPrefix();
        a = await RedisNode.StartAsync(desk);
        b = await RedisNode.StartAsync(desk);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task An_agent_event_published_on_one_node_reaches_the_consoles_of_both_once()
    {
        var onA = new BlockingCollection<AgentEvent>();
        var onB = new BlockingCollection<AgentEvent>();
        using var consoleOnA = a.Get<IAgentNotifier>().Subscribe(e => Add(onA, e));
        using var consoleOnB = b.Get<IAgentNotifier>().Subscribe(e => Add(onB, e));
        var message = Activity.CreateMessageActivity("Der Drucker im 2. Stock druckt nicht");

        await a.Get<IAgentNotifier>().PublishAsync(new AgentEvent(AgentEventKind.CustomerMessage, "FL-00042", message, "general"), CancellationToken.None);

        Assert.True(onB.TryTake(out var received, Patience), "node B's console heard nothing");
        Assert.Equal(AgentEventKind.CustomerMessage, received.Kind);
        Assert.Equal("FL-00042", received.TicketNumber);
        Assert.Equal("general", received.Queue);
        Assert.Equal("Der Drucker im 2. Stock druckt nicht", received.Activity!.Text);
        Assert.True(onA.TryTake(out _, Patience), "node A's own console heard nothing");
        await Task.Delay(500);
        Assert.Empty(onA);
        Assert.Empty(onB);
    }

    [Fact]
    public async Task Direct_Line_activities_published_on_one_node_reach_the_streams_of_the_other_in_order()
    {
        var conversationId = $"conversation-{Guid.NewGuid():N}";
        var onB = new BlockingCollection<LoggedActivity>();
        var elsewhere = new BlockingCollection<LoggedActivity>();
        using var streamOnB = b.Get<IConversationNotifier>().Subscribe(conversationId, onB.Add);
        using var otherStreamOnB = b.Get<IConversationNotifier>().Subscribe($"other-{conversationId}", elsewhere.Add);

        for (var sequence = 0; sequence < 50; sequence++)
        {
            var activity = Activity.CreateMessageActivity($"reply {sequence}");
            activity.Id = $"{conversationId}|{sequence:D7}";
            await a.Get<IConversationNotifier>().PublishAsync(conversationId, new LoggedActivity(sequence, activity), CancellationToken.None);
        }

        for (var sequence = 0; sequence < 50; sequence++)
        {
            Assert.True(onB.TryTake(out var received, Patience), $"node B's stream did not get activity {sequence}");
            Assert.Equal(sequence, received.Sequence);
            Assert.Equal($"reply {sequence}", received.Activity.Text);
        }

        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task Turns_of_one_conversation_never_overlap_across_nodes_while_other_conversations_run_at_once()
    {
        var gateA = new ConversationTurnGate(a.Get<IConversationLock>());
        var gateB = new ConversationTurnGate(b.Get<IConversationLock>());
        var conversation = $"conversation-{Guid.NewGuid():N}";
        var running = 0;
        var overlaps = 0;
        var turns = 0;
        async Task TurnAsync()
        {
            if (Interlocked.Increment(ref running) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Delay(20);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref turns);
        }

        var sameConversation = Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? gateA : gateB).RunAsync(conversation, TurnAsync, CancellationToken.None));
        var otherConversation = new TaskCompletionSource();
        var unrelated = gateB.RunAsync($"other-{conversation}", () => { otherConversation.SetResult(); return Task.CompletedTask; }, CancellationToken.None);

        await Task.WhenAll([.. sameConversation, unrelated]);

        Assert.Equal(20, turns);
        Assert.Equal(0, overlaps);
        Assert.True(otherConversation.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_node_that_died_holding_a_turn_frees_the_conversation_when_its_lease_runs_out()
    {
        var desk = ScalingServers.NewKeyPrefix();
        await using var dying = await RedisNode.StartAsync(desk, TimeSpan.FromSeconds(5));
        await using var survivor = await RedisNode.StartAsync(desk, TimeSpan.FromSeconds(5));
        var conversation = $"conversation-{Guid.NewGuid():N}";

        // Taken and never released: the node "dies" and its renewals stop with it.
        var held = await dying.Get<IConversationLock>().AcquireAsync(conversation, CancellationToken.None);
        await dying.DisposeAsync();
        var started = DateTimeOffset.UtcNow;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using (await survivor.Get<IConversationLock>().AcquireAsync(conversation, patience.Token))
        {
            var waited = DateTimeOffset.UtcNow - started;
            Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        }

        GC.KeepAlive(held);
    }

    private static Task Add<T>(BlockingCollection<T> collection, T item)
    {
        collection.Add(item);
        return Task.CompletedTask;
    }
}
