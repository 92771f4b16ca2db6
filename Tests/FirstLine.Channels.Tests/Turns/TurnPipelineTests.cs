using System.Collections.Concurrent;

namespace FirstLine.Channels.Tests.Turns;

/// <summary>The onion of middleware around the bot, the single error handler and the hooks on outgoing activities.</summary>
public sealed class TurnPipelineTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task Middleware_runs_in_registration_order_as_an_onion_around_the_bot()
    {
        var log = new ConcurrentQueue<string>();
        var adapter = new RecordingAdapter();
        adapter.Use(new LoggingMiddleware("first", log)).Use(new LoggingMiddleware("second", log)).Use(new LoggingMiddleware("third", log));

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => { log.Enqueue("bot"); return Task.CompletedTask; }, Timeout);

        Assert.Equal(
            ["first before", "second before", "third before", "bot", "third after", "second after", "first after"],
            log.ToArray());
    }

    [Fact]
    public async Task A_middleware_that_does_not_call_next_stops_the_turn()
    {
        var log = new ConcurrentQueue<string>();
        var adapter = new RecordingAdapter();
        adapter.Use(new LoggingMiddleware("outer", log)).Use(new LoggingMiddleware("gate", log, callNext: false)).Use(new LoggingMiddleware("inner", log));

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => { log.Enqueue("bot"); return Task.CompletedTask; }, Timeout);

        Assert.Equal(["outer before", "gate before", "gate after", "outer after"], log.ToArray());
    }

    [Fact]
    public async Task Middleware_and_bot_share_the_turn_state_and_see_the_same_activity()
    {
        var adapter = new RecordingAdapter();
        adapter.Use(new DelegateMiddleware((context, next, ct) =>
        {
            context.TurnState.Set(new List<string> { "from middleware" }, "notes");
            return next(ct);
        }));
        List<string>? seen = null;
        Activity? seenActivity = null;
        var incoming = RecordingAdapter.Message("hi");

        await adapter.ProcessActivityAsync(incoming, (context, _) =>
        {
            seen = context.TurnState.Get<List<string>>("notes");
            seenActivity = context.Activity;
            return Task.CompletedTask;
        }, Timeout);

        Assert.Equal(["from middleware"], seen);
        Assert.Same(incoming, seenActivity);
    }

    [Fact]
    public async Task OnTurnError_receives_the_exception_and_can_still_send_to_the_customer()
    {
        var adapter = new RecordingAdapter();
        var boom = new InvalidOperationException("boom");
        Exception? received = null;
        adapter.OnTurnError = async (context, exception) =>
        {
            received = exception;
            await context.SendActivityAsync("Entschuldigung, da ist etwas schiefgelaufen.");
        };

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => throw boom, Timeout);

        Assert.Same(boom, received);
        var apology = Assert.Single(adapter.Sent);
        Assert.Equal("Entschuldigung, da ist etwas schiefgelaufen.", apology.Text);
        Assert.Equal("user1", apology.Recipient!.Id);
        Assert.Equal("conv1", apology.Conversation!.Id);
    }

    [Fact]
    public async Task OnTurnError_also_catches_a_failing_middleware()
    {
        var adapter = new RecordingAdapter();
        adapter.Use(new DelegateMiddleware((_, _, _) => throw new InvalidOperationException("middleware broke")));
        Exception? received = null;
        adapter.OnTurnError = (_, exception) =>
        {
            received = exception;
            return Task.CompletedTask;
        };

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => Task.CompletedTask, Timeout);

        Assert.Equal("middleware broke", received?.Message);
    }

    [Fact]
    public async Task A_failing_OnTurnError_propagates_to_the_channel()
    {
        var adapter = new RecordingAdapter();
        adapter.OnTurnError = (_, _) => throw new InvalidOperationException("handler broke too");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => throw new InvalidOperationException("boom"), Timeout));

        Assert.Equal("handler broke too", thrown.Message);
    }

    [Fact]
    public async Task Without_OnTurnError_the_exception_reaches_the_channel()
    {
        var adapter = new RecordingAdapter();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), (_, _) => throw new InvalidOperationException("boom"), Timeout));

        Assert.Equal("boom", thrown.Message);
    }

    [Fact]
    public async Task A_failed_turn_does_not_block_the_next_turn_of_the_conversation()
    {
        var adapter = new RecordingAdapter();
        adapter.OnTurnError = (_, _) => Task.CompletedTask;

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("first"), (_, _) => throw new InvalidOperationException("boom"), Timeout);
        await adapter.ProcessActivityAsync(RecordingAdapter.Message("second"), (context, ct) => context.SendActivityAsync("ok", cancellationToken: ct), Timeout);

        Assert.Equal("ok", Assert.Single(adapter.Sent).Text);
    }

    [Fact]
    public async Task OnSendActivities_hooks_see_and_can_change_outgoing_activities_before_delivery()
    {
        var adapter = new RecordingAdapter();
        var seen = new List<string>();
        adapter.Use(new DelegateMiddleware((context, next, ct) =>
        {
            context.OnSendActivities(async (_, activities, sendNext) =>
            {
                seen.AddRange(activities.Select(a => $"outer:{a.Text}"));
                foreach (var activity in activities)
                {
                    activity.Text = $"[{activity.Text}]";
                }

                return await sendNext();
            });
            context.OnSendActivities(async (_, activities, sendNext) =>
            {
                seen.AddRange(activities.Select(a => $"inner:{a.Text}"));
                activities.Add(Activity.CreateMessageActivity("added by a hook"));
                return await sendNext();
            });
            return next(ct);
        }));

        ResourceResponse[]? responses = null;
        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), async (context, ct) =>
            responses = await context.SendActivitiesAsync([Activity.CreateMessageActivity("one"), Activity.CreateMessageActivity("two")], ct), Timeout);

        Assert.Equal(["outer:one", "outer:two", "inner:[one]", "inner:[two]"], seen);
        Assert.Equal(new[] { "[one]", "[two]", "added by a hook" }, adapter.Sent.Select(a => a.Text ?? string.Empty));
        Assert.Equal(3, responses!.Length);
    }

    [Fact]
    public async Task A_hook_that_does_not_call_next_keeps_the_activities_from_the_channel()
    {
        var adapter = new RecordingAdapter();
        var responded = true;

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), async (context, ct) =>
        {
            context.OnSendActivities((_, _, _) => Task.FromResult(Array.Empty<ResourceResponse>()));
            await context.SendActivityAsync("swallowed", cancellationToken: ct);
            responded = context.Responded;
        }, Timeout);

        Assert.Empty(adapter.Sent);
        Assert.True(responded);
    }

    [Fact]
    public async Task Sent_activities_are_addressed_as_replies_from_the_bot()
    {
        var adapter = new RecordingAdapter();
        bool respondedBefore = true, respondedAfter = false;

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), async (context, ct) =>
        {
            respondedBefore = context.Responded;
            await context.SendActivityAsync("Sie sagten: hi", cancellationToken: ct);
            respondedAfter = context.Responded;
        }, Timeout);

        var reply = Assert.Single(adapter.Sent);
        Assert.Equal("bot1", reply.From!.Id);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("user1", reply.Recipient!.Id);
        Assert.Equal("conv1", reply.Conversation!.Id);
        Assert.Equal("conv1|in", reply.ReplyToId);
        Assert.Equal("de-DE", reply.Locale);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
        Assert.False(respondedBefore);
        Assert.True(respondedAfter);
    }

    [Fact]
    public async Task Sending_only_a_trace_does_not_count_as_responding()
    {
        var adapter = new RecordingAdapter();
        var responded = true;

        await adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), async (context, ct) =>
        {
            await context.SendActivityAsync(new Activity(ActivityTypes.Trace) { Name = "debug" }, ct);
            responded = context.Responded;
        }, Timeout);

        Assert.False(responded);
    }

    [Fact]
    public async Task ContinueConversation_runs_a_proactive_turn_addressed_along_the_reference()
    {
        var adapter = new RecordingAdapter();
        var log = new ConcurrentQueue<string>();
        adapter.Use(new LoggingMiddleware("middleware", log));
        var reference = RecordingAdapter.Message("earlier", "conv7").GetConversationReference();
        Activity? trigger = null;

        await adapter.ContinueConversationAsync(reference, async (context, ct) =>
        {
            trigger = context.Activity;
            await context.SendActivityAsync("Ein Mensch aus dem Support übernimmt jetzt.", cancellationToken: ct);
        }, Timeout);

        Assert.NotNull(trigger);
        Assert.Equal(ActivityTypes.Event, trigger.Type);
        Assert.Equal("ContinueConversation", trigger.Name);
        Assert.Equal("conv7", trigger.Conversation!.Id);
        Assert.Equal("user1", trigger.From!.Id);
        Assert.Equal("bot1", trigger.Recipient!.Id);
        var sent = Assert.Single(adapter.Sent);
        Assert.Equal("conv7", sent.Conversation!.Id);
        Assert.Equal("bot1", sent.From!.Id);
        Assert.Equal("user1", sent.Recipient!.Id);
        Assert.Equal("test", sent.ChannelId);
        Assert.Equal(["middleware before", "middleware after"], log.ToArray());
    }

    [Fact]
    public async Task ContinueConversation_waits_for_the_running_turn_of_that_conversation()
    {
        var adapter = new RecordingAdapter();
        var inTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<string>();
        var running = adapter.ProcessActivityAsync(RecordingAdapter.Message("hi"), async (_, _) =>
        {
            inTurn.SetResult();
            await release.Task;
            order.Enqueue("customer turn done");
        }, Timeout);
        await inTurn.Task.WaitAsync(Timeout);

        var proactive = adapter.ContinueConversationAsync(RecordingAdapter.Message("x").GetConversationReference(), (_, _) =>
        {
            order.Enqueue("proactive turn");
            return Task.CompletedTask;
        }, Timeout);
        await Task.Delay(100, Timeout);
        Assert.Empty(order);
        release.SetResult();
        await Task.WhenAll(running, proactive).WaitAsync(Timeout);

        Assert.Equal(["customer turn done", "proactive turn"], order.ToArray());
    }

    [Fact]
    public async Task An_activity_without_a_conversation_is_refused()
    {
        var adapter = new RecordingAdapter();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            adapter.ProcessActivityAsync(new Activity(ActivityTypes.Message), (_, _) => Task.CompletedTask, Timeout));
    }
}
