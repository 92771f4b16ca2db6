namespace FirstLine.Channels.Turns;

/// <summary>Keeps every activity of a conversation, in and out, for agents, tickets and audits.</summary>
public interface ITranscriptLogger
{
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>Records the incoming activity and everything the turn sends.</summary>
public sealed class TranscriptLoggerMiddleware(ITranscriptLogger logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.IsType(ActivityTypes.Event) && turnContext.Activity.Name == "ContinueConversation")
        {
            // A proactive turn's trigger is internal, not part of what was said.
        }
        else
        {
            await logger.LogActivityAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        }

        turnContext.OnSendActivities(async (context, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            foreach (var activity in activities.Where(a => !a.IsType(ActivityTypes.Typing)))
            {
                await logger.LogActivityAsync(activity, cancellationToken).ConfigureAwait(false);
            }

            return responses;
        });
        await next(cancellationToken).ConfigureAwait(false);
    }
}
