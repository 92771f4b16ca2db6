using FirstLine.Channels.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FirstLine.Channels.DirectLine;

/// <summary>
/// The bot adapter of the Direct Line channel: a customer's activity is logged (and echoed to their
/// streams) before the turn runs; whatever the bot sends is logged and pushed the same way. Typing is
/// pushed to open streams only, as the Direct Line service does.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    private readonly IDirectLineStore store;
    private readonly IConversationNotifier notifier;
    private readonly DirectLineOptions options;
    private long ephemeralCounter;

    private readonly CancellationToken stopping;

    public DirectLineAdapter(
        IDirectLineStore store,
        IConversationNotifier notifier,
        IOptions<DirectLineOptions> options,
        ConversationTurnGate turnGate,
        IHostApplicationLifetime lifetime)
        : base(turnGate)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        stopping = lifetime.ApplicationStopping;
        this.store = store;
        this.notifier = notifier;
        this.options = options?.Value ?? throw new ArgumentNullException(nameof(options));
    }

    public ChannelAccount BotAccount => new(options.BotId, options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Accepts a customer's activity: logs and echoes it, then runs the turn — all inside the
    /// conversation's turn gate so a burst of messages is answered in the order it arrived.
    /// </summary>
    public async Task<string> ReceiveAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation!.Id!;
        string id = string.Empty;
        await TurnGate.RunAsync(
            conversationId,
            async () =>
            {
                var logged = await LogAndPublishAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
                id = logged.Activity.Id!;
                try
                {
                    // Accepted means answered: once the message is in the log the turn no longer depends on the
                    // HTTP request; a client that stops waiting still finds the reply when it comes back.
                    await RunPipelineAsync(new TurnContext(this, logged.Activity), bot, stopping).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    throw DirectLineException.BotFailed(exception);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Runs a turn for an activity that is not shown to the customer (e.g. conversationUpdate).</summary>
    public Task ProcessSilentlyAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TurnGate.RunAsync(
            activity.Conversation!.Id!,
            () => RunPipelineAsync(new TurnContext(this, activity), bot, stopping),
            cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var conversationId = activity.Conversation?.Id
                ?? throw new InvalidOperationException("An outgoing activity needs conversation.id.");
            activity.ChannelId = DirectLineChannel.ChannelId;
            activity.From = new ChannelAccount(activity.From?.Id ?? options.BotId, activity.From?.Name ?? options.BotName, RoleTypes.Bot);
            var logged = await LogAndPublishAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
            responses[i] = new ResourceResponse(logged.Activity.Id!);
        }

        return responses;
    }

    private async Task<LoggedActivity> LogAndPublishAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        LoggedActivity logged;
        if (activity.IsType(ActivityTypes.Typing))
        {
            activity.Id ??= $"{conversationId}|typing-{Interlocked.Increment(ref ephemeralCounter)}";
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            logged = new LoggedActivity(null, activity);
        }
        else
        {
            logged = await store.AppendAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        }

        await notifier.PublishAsync(conversationId, logged, cancellationToken).ConfigureAwait(false);
        return logged;
    }
}
