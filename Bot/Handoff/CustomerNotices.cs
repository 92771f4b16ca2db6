using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// A message from the desk itself (a reminder, a goodbye, a closing notice) to a customer on their own channel,
/// through the channel's <c>ContinueConversationAsync</c>. The text is chosen for the customer's language.
/// </summary>
public sealed class CustomerNotices(ConversationOwnership ownership, ChannelAdapters channels)
{
    /// <summary>Sends to the customer of <paramref name="ticket"/>; <paramref name="text"/> gets their locale.</summary>
    /// <exception cref="HandoffException">the ticket has no address, or its channel is not configured</exception>
    public async Task SendAsync(TicketRow ticket, Func<string?, string> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(text);
        var owner = await ownership.FindByTicketAsync(ticket.Number, cancellationToken);
        var reference = BotJson.Deserialize<ConversationReference>(owner?.ConversationReferenceJson ?? ticket.ConversationReferenceJson ?? "null")
            ?? throw new HandoffException($"Ticket {ticket.Number} has no address to reach the customer.");
        await SendAsync(reference, owner?.Locale ?? ticket.Language ?? reference.Locale, text, onlyIf: null, cancellationToken);
    }

    /// <summary>
    /// Sends along <paramref name="reference"/> inside the conversation's turn gate, when <paramref name="onlyIf"/>
    /// (run in the same gate, so no message of the customer is handled in between) agrees; true when it was sent.
    /// </summary>
    public async Task<bool> SendAsync(ConversationReference reference, string? locale, Func<string?, string> text, Func<CancellationToken, Task<bool>>? onlyIf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(text);
        var channel = reference.ChannelId ?? throw new HandoffException("The customer's address names no channel.");
        var sent = false;
        await channels.For(channel).ContinueConversationAsync(
            reference,
            async (turn, ct) =>
            {
                if (onlyIf is null || await onlyIf(ct))
                {
                    var message = Activity.CreateMessageActivity(text(locale));
                    message.Locale = locale;
                    await turn.SendActivityAsync(message, ct);
                    sent = true;
                }
            },
            cancellationToken);
        return sent;
    }
}
