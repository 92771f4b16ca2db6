using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FirstLine.Bot.Email;

/// <summary>
/// Writes what an agent says to a customer as an ordinary mail: from the support address under the agent's name,
/// without Auto-Submitted, threaded to the mails the conversation already has (In-Reply-To/References, ticket
/// number in the subject), into the outbox together with its Message-ID in one transaction.
/// </summary>
public sealed partial class EmailThreadMailer(
    IOptions<EmailOptions> options,
    IDbContextFactory<FirstLineDbContext> contexts,
    TimeProvider time,
    ILogger<EmailThreadMailer> logger) : IEmailOutbox
{
    private const string AgentPrefix = "agent:";

    /// <summary>
    /// An agent's message into an email conversation. The bot's proactive notices of a live handoff ("… has
    /// joined", "… has left") are chat habits and are not mailed.
    /// </summary>
    public async Task<string?> EnqueueAsync(ConversationReference reference, Activity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference names no conversation.", nameof(reference));
        if (message.From?.Id?.StartsWith(AgentPrefix, StringComparison.Ordinal) != true)
        {
            LogNotMailed(conversationId, message.From?.Id);
            return null;
        }

        var mailbox = MailboxFor(reference.Bot?.Id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Customer)
            .Where(t => t.Channel == EmailChannel.ChannelId && t.ConversationId == conversationId)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var received = (await db.Set<EmailMessageRow>().AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Sender != null)
                .Select(m => new { m.MessageKey, m.Sender, m.Subject, m.HandledAt })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.HandledAt)
            .ToList();
        var sent = await db.Set<EmailSentMessageRow>().AsNoTracking()
            .Where(s => s.ConversationId == conversationId)
            .Select(s => new { s.MessageId, s.CreatedAt })
            .ToListAsync(cancellationToken);
        var thread = received.Where(m => IsMessageId(m.MessageKey)).Select(m => (Id: m.MessageKey, At: m.HandledAt))
            .Concat(sent.Select(s => (Id: s.MessageId, At: s.CreatedAt)))
            .OrderBy(x => x.At)
            .Select(x => x.Id)
            .ToList();
        var address = received.LastOrDefault()?.Sender ?? reference.User?.Id
            ?? throw new ArgumentException("The reference names no customer to write to.", nameof(reference));
        var subject = received.FirstOrDefault()?.Subject ?? ticket?.Subject ?? string.Empty;
        message.Locale ??= ticket?.Language;
        return await WriteAsync(db, mailbox, conversationId, ticket, new MailboxAddress(ticket?.Customer?.Name, address), subject, thread, message, cancellationToken);
    }

    /// <summary>
    /// An agent's answer to a ticket of another channel (a chat the customer left), by email to the address the
    /// customer gave, from the first configured mailbox. Every such mail of a ticket continues one thread, and
    /// each is on the ticket's audit trail.
    /// </summary>
    public async Task<string> MailToTicketAsync(TicketRow ticket, string actor, string author, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var address = ticket.Customer?.Email is { Length: > 0 } email ? email : throw new ArgumentException($"Ticket {ticket.Number} has no email address.", nameof(ticket));
        var mailbox = options.Value.Mailboxes.FirstOrDefault() ?? throw new InvalidOperationException("No Email:Mailboxes entry is configured to send from.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earlier = (await db.Set<EmailSentMessageRow>().AsNoTracking().Where(s => s.TicketNumber == ticket.Number).ToListAsync(cancellationToken))
            .OrderBy(s => s.CreatedAt)
            .ToList();
        var message = Activity.CreateMessageActivity(text);
        message.Locale = ticket.Language;
        message.From = new ChannelAccount(actor, author, RoleTypes.Bot);
        db.TicketAudit.Add(new TicketAuditRow { TicketId = ticket.Id, Actor = actor, Action = "reply-emailed", NewValue = address, At = time.GetUtcNow() });
        return await WriteAsync(db, mailbox, earlier.FirstOrDefault()?.ConversationId, ticket, new MailboxAddress(ticket.Customer.Name, address), ticket.Subject, [.. earlier.Select(s => s.MessageId)], message, cancellationToken);
    }

    private async Task<string> WriteAsync(
        FirstLineDbContext db,
        MailboxOptions mailbox,
        string? conversationId,
        TicketRow? ticket,
        MailboxAddress to,
        string subject,
        IReadOnlyList<string> thread,
        Activity message,
        CancellationToken cancellationToken)
    {
        var context = new EmailReplyContext(to, subject) { InReplyTo = thread.Count > 0 ? thread[^1] : null, References = thread, Locale = message.Locale };
        var mail = ReplyComposer.Compose(mailbox, context, [message], ticket?.Number, automatic: false, author: message.From?.Name)
            ?? throw new ArgumentException("An agent's message needs text to be mailed.", nameof(message));
        conversationId ??= EmailThreading.ConversationIdFor(mail.MessageId!);
        var messageId = EmailOutboxRows.Add(db, mailbox.Address!, conversationId, ticket?.Number, mail, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogMailed(mailbox.Address!, messageId, to.Address, ticket?.Number);
        return messageId;
    }

    private MailboxOptions MailboxFor(string? address) =>
        options.Value.Mailboxes.FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))
        ?? options.Value.Mailboxes.FirstOrDefault()
        ?? throw new InvalidOperationException("No Email:Mailboxes entry is configured to send from.");

    // Keys of mail without a usable Message-ID (content hashes, folder positions) cannot be referenced.
    private static bool IsMessageId(string key) => !key.StartsWith("sha256:", StringComparison.Ordinal) && !key.StartsWith("uid:", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: agent mail {MessageId} to {Recipient} (ticket {TicketNumber}) is in the outbox")]
    private partial void LogMailed(string mailbox, string messageId, string recipient, string? ticketNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conversation {ConversationId}: a proactive message from {From} is not mailed (only agents write mail outside a mail's turn)")]
    private partial void LogNotMailed(string conversationId, string? from);
}
