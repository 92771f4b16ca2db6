namespace FirstLine.Channels.Turns;

/// <summary>
/// Connects a channel to the bot: runs each incoming activity through the middleware onion and the
/// bot, one turn at a time per conversation, and delivers what the bot sends. Channels derive from it
/// and implement <see cref="SendActivitiesAsync"/>.
/// </summary>
public abstract class BotAdapter
{
    private readonly MiddlewareSet middleware = new();

    protected BotAdapter(ConversationTurnGate turnGate) => TurnGate = turnGate ?? throw new ArgumentNullException(nameof(turnGate));

    /// <summary>
    /// The single place turn errors end up. It runs inside the failed turn, so it can still apologise to
    /// the customer; if it throws itself, the error reaches the channel (Direct Line answers 502).
    /// </summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    protected ConversationTurnGate TurnGate { get; }

    public BotAdapter Use(IMiddleware layer)
    {
        middleware.Use(layer);
        return this;
    }

    /// <summary>Delivers outgoing activities on the channel and returns the ids it assigned.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Runs one turn for an activity that arrived on the channel.</summary>
    public Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("An activity needs conversation.id to be processed.", nameof(activity));
        return TurnGate.RunAsync(conversationId, () => RunPipelineAsync(new TurnContext(this, activity), callback, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Starts a proactive turn in an existing conversation, e.g. when an agent writes to a customer.
    /// The callback's activity is an <c>event</c> named <c>ContinueConversation</c> addressed along the reference.
    /// </summary>
    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = Activity.CreateEventActivity("ContinueConversation").ApplyConversationReference(reference, isIncoming: true);
        return ProcessActivityAsync(activity, callback, cancellationToken);
    }

    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await middleware.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OnTurnError is not null && exception is not OperationCanceledException)
        {
            await OnTurnError(turnContext, exception).ConfigureAwait(false);
        }
    }
}
