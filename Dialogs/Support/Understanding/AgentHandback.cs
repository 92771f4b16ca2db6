using System.Text.Json;
using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>
/// The agent side's word that a human is done with the conversation: a <c>handoff.status</c> event with state
/// <c>completed</c> (Bot Framework handoff protocol). FirstLine's hub also names the <c>ticket</c>.
/// </summary>
public static class AgentHandback
{
    /// <summary>True for a completed handoff; <paramref name="ticketNumber"/> is the ticket it names, or null.</summary>
    public static bool IsCompleted(Activity activity, out string? ticketNumber)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ticketNumber = null;
        if (!activity.IsType(ActivityTypes.Event) || activity.Name != HandoffEventNames.HandoffStatus || activity.Value is null)
        {
            return false;
        }

        // In process the value is the sender's object; from the wire it is JSON. Either way it reads as JSON.
        var value = JsonSerializer.SerializeToElement(activity.Value, BotJson.Options);
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String
            || state.GetString() != HandoffStates.Completed)
        {
            return false;
        }

        ticketNumber = value.TryGetProperty("ticket", out var ticket) && ticket.ValueKind == JsonValueKind.String ? ticket.GetString() : null;
        return true;
    }
}
