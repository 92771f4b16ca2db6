using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// The Bot Framework handoff events (<c>handoff.initiate</c>, <c>handoff.status</c>) as they go on the wire,
/// so other agent hubs listening on the conversation can interoperate.
/// </summary>
public static class HandoffEvents
{
    public static Activity CreateInitiation(ConversationReference reference, object context, IReadOnlyList<Activity> transcript)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var initiation = Activity.CreateEventActivity(HandoffEventNames.InitiateHandoff, context);
        initiation.RelatesTo = reference;
        initiation.Attachments =
        [
            new Attachment
            {
                ContentType = "application/json",
                Name = "Transcript",
                Content = new { activities = transcript },
            },
        ];
        return initiation;
    }

    /// <summary><paramref name="state"/> is one of <see cref="HandoffStates"/>.</summary>
    public static Activity CreateStatus(string state, string? message = null) =>
        Activity.CreateEventActivity(HandoffEventNames.HandoffStatus, message is null ? new { state } : new { state, message });

    /// <summary>
    /// What the agent side tells the bot when its human is done with the conversation of <paramref name="ticketNumber"/>:
    /// <c>handoff.status</c> "completed", addressed to the bot along <paramref name="reference"/>. The <c>ticket</c>
    /// property is FirstLine's addition, so the bot rates the right request. Like a proactive turn's trigger it is
    /// addressed from the customer to the bot, so whatever the bot answers goes back to the customer.
    /// </summary>
    public static Activity CreateCompletedSignal(ConversationReference reference, string ticketNumber)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var signal = Activity.CreateEventActivity(HandoffEventNames.HandoffStatus, new { state = HandoffStates.Completed, ticket = ticketNumber })
            .ApplyConversationReference(reference, isIncoming: true);

        // A new activity, not the customer's message the reference remembers.
        signal.Id = null;
        return signal;
    }
}
