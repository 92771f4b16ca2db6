using FirstLine.Channels.Turns;

namespace FirstLine.Channels.Email;

/// <summary>
/// The bot adapter of the email channel. A mail is one turn; whatever the bot sends during it is collected (not
/// sent) so the host can write all of it as one answer, and commit that answer while the conversation's turn gate
/// is still held. What is sent outside a mail's turn (an agent writing to the customer) goes to the host's outbox
/// as a mail of its own.
/// </summary>
public sealed class EmailAdapter(ConversationTurnGate turnGate, IEmailOutbox outbox) : BotAdapter(turnGate)
{
    /// <summary>
    /// Runs the turn for <paramref name="activity"/>, then <paramref name="commit"/> with the bot's outgoing
    /// activities, both inside the conversation's turn gate.
    /// </summary>
    public Task RunTurnAsync(Activity activity, BotCallbackHandler bot, Func<IReadOnlyList<Activity>, Task> commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(commit);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("An email activity needs conversation.id.", nameof(activity));
        return TurnGate.RunAsync(
            conversationId,
            async () =>
            {
                var replies = new TurnReplies();
                var context = new TurnContext(this, activity);
                context.TurnState.Set(replies);
                await RunPipelineAsync(context, bot, cancellationToken).ConfigureAwait(false);
                await commit(replies.Activities).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var replies = turnContext.TurnState.Get<TurnReplies>();
        return replies is null
            ? SendOutsideTurnAsync(turnContext, activities, cancellationToken)
            : Task.FromResult(Collect(turnContext, replies, activities));
    }

    private static ResourceResponse[] Collect(ITurnContext turnContext, TurnReplies replies, IReadOnlyList<Activity> activities)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.ChannelId = EmailChannel.ChannelId;
            activity.Id ??= $"{turnContext.Activity.Id}|reply-{replies.Activities.Count + 1}";
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            if (!activity.IsType(ActivityTypes.Typing) && !activity.IsType(ActivityTypes.Trace))
            {
                replies.Activities.Add(activity);
            }

            responses[i] = new ResourceResponse(activity.Id);
        }

        return responses;
    }

    /// <summary>
    /// A proactive turn: each message becomes a mail through the outbox; events and typing have no meaning in
    /// a mailbox and are dropped (their id says so).
    /// </summary>
    private async Task<ResourceResponse[]> SendOutsideTurnAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var reference = turnContext.Activity.GetConversationReference();
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.ChannelId = EmailChannel.ChannelId;
            var messageId = activity.IsType(ActivityTypes.Message)
                ? await outbox.EnqueueAsync(reference, activity, cancellationToken).ConfigureAwait(false)
                : null;
            activity.Id = messageId ?? $"{reference.Conversation?.Id}|not-mailed-{Guid.NewGuid():N}";
            responses[i] = new ResourceResponse(activity.Id);
        }

        return responses;
    }

    /// <summary>The activities the bot sent during one mail's turn.</summary>
    private sealed class TurnReplies
    {
        public List<Activity> Activities { get; } = [];
    }
}
