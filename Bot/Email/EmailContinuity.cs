using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

/// <summary>
/// Omnichannel continuity: a chat customer who gave an email address and has not written in the chat for
/// <see cref="EmailOptions.ChatAbsentAfter"/> has probably left, so an agent's answer also goes to them by email,
/// threaded to the same ticket. The chat keeps the answer too, for a customer who comes back.
/// </summary>
public sealed partial class EmailContinuity(
    TicketService tickets,
    ITranscriptLogger transcripts,
    EmailThreadMailer mailer,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailContinuity> logger) : ICustomerFallbackChannel
{
    public async Task<string?> ReachIfAbsentAsync(string ticketNumber, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await tickets.FindAsync(ticketNumber, cancellationToken) ?? throw new TicketNotFoundException(ticketNumber);
        if (ticket.Channel == EmailChannel.ChannelId || string.IsNullOrWhiteSpace(ticket.Customer?.Email))
        {
            return null;
        }

        var transcript = await transcripts.GetTranscriptAsync(ticket.Channel, ticket.ConversationId, cancellationToken);
        var lastWritten = transcript.LastOrDefault(a => a.IsType(ActivityTypes.Message) && a.From?.Role != RoleTypes.Bot)?.Timestamp ?? ticket.CreatedAt;
        var silentFor = time.GetUtcNow() - lastWritten;
        if (silentFor < options.Value.ChatAbsentAfter)
        {
            return null;
        }

        var messageId = await mailer.MailToTicketAsync(ticket, $"agent:{agent.Id}", agent.Name, text, cancellationToken);
        LogMailed(ticketNumber, ticket.Channel, silentFor, messageId);
        return $"email to {ticket.Customer.Email}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber}: the {Channel} customer has been silent for {SilentFor}; the agent's answer also goes by email ({MessageId})")]
    private partial void LogMailed(string ticketNumber, string channel, TimeSpan silentFor, string messageId);
}
