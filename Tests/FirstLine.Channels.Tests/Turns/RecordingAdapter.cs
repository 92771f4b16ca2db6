using System.Collections.Concurrent;
using FirstLine.Channels.Turns;

namespace FirstLine.Channels.Tests.Turns;

/// <summary>A test double of a channel: delivers nothing, records what the bot sent and assigns ids.</summary>
internal sealed class RecordingAdapter(ConversationTurnGate? gate = null) : BotAdapter(gate ?? new ConversationTurnGate())
{
    private int next;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public new ConversationTurnGate TurnGate => base.TurnGate;

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            Sent.Enqueue(activities[i]);
            responses[i] = new ResourceResponse($"sent-{Interlocked.Increment(ref next)}");
        }

        return Task.FromResult(responses);
    }

    public static Activity Message(string text, string conversationId = "conv1") => new(ActivityTypes.Message)
    {
        Id = $"{conversationId}|in",
        Text = text,
        ChannelId = "test",
        Locale = "de-DE",
        From = new ChannelAccount("user1", "Debbie", RoleTypes.User),
        Recipient = new ChannelAccount("bot1", "FirstLine", RoleTypes.Bot),
        Conversation = new ConversationAccount(conversationId),
    };
}

/// <summary>A middleware that writes into a shared log before and after the rest of the onion.</summary>
internal sealed class LoggingMiddleware(string name, ConcurrentQueue<string> log, bool callNext = true) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        log.Enqueue($"{name} before");
        if (callNext)
        {
            await next(cancellationToken);
        }

        log.Enqueue($"{name} after");
    }
}

/// <summary>A middleware written as a lambda.</summary>
internal sealed class DelegateMiddleware(Func<ITurnContext, NextDelegate, CancellationToken, Task> onTurn) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
        onTurn(turnContext, next, cancellationToken);
}
