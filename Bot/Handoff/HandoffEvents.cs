using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// The Bot Framework handoff events (<c>handoff.initiate</c>, <c>handoff.status</c>) as they go on the wire,
/// so other agent hubs listening on the conversation can interoperate.
/// </summary>
public static class HandoffEvents
{
    public const string Initiate = "handoff.initiate";
    public const string Status = "handoff.status";

    public static Activity CreateInitiation(ConversationReference reference, object context, IReadOnlyList<Activity> transcript)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var initiation = Activity.CreateEventActivity(Initiate, context);
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

    /// <summary><paramref name="state"/> is <c>accepted</c>, <c>failed</c> or <c>completed</c>.</summary>
    public static Activity CreateStatus(string state, string? message = null) =>
        Activity.CreateEventActivity(Status, message is null ? new { state } : new { state, message });
}
