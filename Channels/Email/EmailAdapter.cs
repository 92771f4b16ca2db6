using FirstLine.Channels.Turns;

namespace FirstLine.Channels.Email;

/// <summary>
/// The bot adapter of the email channel. A mail is one turn; whatever the bot sends during it is collected (not
/// sent) so the host can write all of it as one answer, and commit that answer while the conversation's turn gate
/// is still held.
/// </summary>
public sealed class EmailAdapter(ConversationTurnGate turnGate) : BotAdapter(turnGate)
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
        var replies = turnContext.TurnState.Get<TurnReplies>()
            ?? throw new InvalidOperationException("The email channel sends only within a mail's turn (EmailAdapter.RunTurnAsync); proactive email is not supported yet.");
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

        return Task.FromResult(responses);
    }

    /// <summary>The activities the bot sent during one mail's turn.</summary>
    private sealed class TurnReplies
    {
        public List<Activity> Activities { get; } = [];
    }
}
