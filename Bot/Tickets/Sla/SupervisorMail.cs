using System.Globalization;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>
/// Tells the supervisor address (<c>Tickets:SlaWatch:SupervisorEmail</c>) of a breach by email: written to the
/// outbox of the first configured mailbox, from where the outbox sender delivers (and retries) it. Without an
/// address or a mailbox the admins' consoles are the supervisors' only notice.
/// </summary>
public sealed partial class SupervisorMail(
    IDbContextFactory<FirstLineDbContext> contexts,
    IOptions<SlaWatchOptions> sla,
    IOptions<EmailOptions> email,
    TimeProvider time,
    ILogger<SupervisorMail> logger)
{
    public async Task SendBreachAsync(TicketRow ticket, SlaKind kind, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var supervisor = sla.Value.SupervisorEmail;
        if (string.IsNullOrWhiteSpace(supervisor))
        {
            return;
        }

        if (email.Value.Mailboxes.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Address)) is not { Address: { } address } mailbox)
        {
            LogNoMailbox(ticket.Number, supervisor);
            return;
        }

        var now = time.GetUtcNow();
        var messageId = MimeUtils.GenerateMessageId(address.Split('@')[^1]);
        var message = Compose(mailbox.DisplayName, address, supervisor, ticket, kind, due, now);
        message.MessageId = messageId;
        using var mime = new MemoryStream();
        await message.WriteToAsync(mime, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new EmailOutboxRow
        {
            Mailbox = address,
            MessageId = messageId,
            ConversationId = $"sla/{ticket.Number}",
            Recipient = supervisor,
            Mime = mime.ToArray(),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static MimeMessage Compose(string? displayName, string address, string supervisor, TicketRow ticket, SlaKind kind, DateTimeOffset? due, DateTimeOffset now)
    {
        var target = kind == SlaKind.FirstResponse ? "first response" : "resolution";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(displayName ?? "FirstLine", address));
        message.To.Add(MailboxAddress.Parse(supervisor));
        message.Subject = $"[{ticket.Number}] SLA breached: {target} ({ticket.Priority})";
        message.Date = now;

        // Machine-written: auto-responders and our own mailbox must not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain")
        {
            Text = string.Create(
                CultureInfo.InvariantCulture,
                $"""
                Ticket {ticket.Number} missed its {target} target.

                Subject:  {ticket.Subject}
                Priority: {ticket.Priority}
                Level:    {(int)ticket.Level}
                Queue:    {ticket.Queue ?? "-"}
                Status:   {ticket.Status}
                Due:      {due:yyyy-MM-dd HH:mm} UTC

                It is on the agents' queue now; its audit trail says what was done.
                """),
        };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA breach of {TicketNumber} not mailed to {Supervisor}: no mailbox is configured under Email:Mailboxes")]
    private partial void LogNoMailbox(string ticketNumber, string supervisor);
}
