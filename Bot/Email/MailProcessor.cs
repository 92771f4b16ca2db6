using System.Globalization;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FirstLine.Bot.Email;

/// <summary>
/// Handles one downloaded mail: de-duplicates it, threads it, runs it as a turn of the bot inside the conversation's
/// turn gate, makes sure it has a ticket, and commits — in one transaction — the record that it was handled, the
/// answer in the outbox, its Message-ID and the mailbox's high-water mark. Only after that may the mail be moved.
/// </summary>
public sealed partial class MailProcessor(
    EmailReader reader,
    EmailAdapter adapter,
    IBot bot,
    EmailThreadResolver threads,
    AutoReplyLimit autoReplyLimit,
    IProcessedMailStore processed,
    TicketService tickets,
    IAgentNotifier agents,
    IDbContextFactory<FirstLineDbContext> contexts,
    TimeProvider time,
    ILogger<MailProcessor> logger)
{
    private const string Actor = "email";

    /// <summary>Where the mail belongs now that it is handled (or was handled before).</summary>
    public async Task<MailDisposition> ProcessAsync(MailboxOptions mailbox, MailboxCursor cursor, uint uid, Stream raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(raw);
        var address = mailbox.Address!;
        var buffer = await RawMail.SeekableAsync(raw, cancellationToken);
        IncomingEmail mail;
        try
        {
            mail = await reader.ReadAsync(buffer, mailbox, cancellationToken);
        }
        catch (EmailFormatException exception)
        {
            var key = MessageKey.ForRaw(buffer);
            if (await processed.FindAsync(address, key, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            LogUnreadable(address, uid, exception.Message);
            await RecordAsync(address, cursor, uid, new EmailMessageRow { Mailbox = address, MessageKey = key, Outcome = EmailOutcome.Failed, Reason = exception.Message }, null, null, cancellationToken);
            return MailDisposition.Failed;
        }

        if (await processed.FindAsync(address, mail.MessageKey, cancellationToken) is { } disposition)
        {
            LogDuplicate(address, uid, mail.MessageKey);
            return disposition;
        }

        var thread = await threads.ResolveAsync(mail, cancellationToken);
        mail.Activity.Conversation!.Id = thread.ConversationId;
        var row = new EmailMessageRow
        {
            Mailbox = address,
            MessageKey = mail.MessageKey,
            ConversationId = thread.ConversationId,
            Sender = mail.SenderAddress,
            Subject = Truncate(mail.Subject, 512),
        };
        if (mail.NoAnswerReason is { } reason)
        {
            LogNotAnswered(address, uid, mail.SenderAddress, reason);
            row.Outcome = EmailOutcome.Ignored;
            row.Reason = $"not answered: {reason}";
            if (DeliveryReport.Read(mail.Message) is { } bounce)
            {
                row.TicketNumber = await RecordBounceAsync(address, bounce, cancellationToken);
                row.Reason = $"delivery report: {string.Join("; ", bounce.Failures)}";
                await RecordAsync(address, cursor, uid, row, null, null, cancellationToken);
                return MailDisposition.Processed;
            }

            var ticket = await tickets.FindLatestForConversationAsync(EmailChannel.ChannelId, thread.ConversationId, cancellationToken);
            if (ticket is not null)
            {
                row.TicketNumber = ticket.Number;
                await tickets.AddNoteAsync(ticket.Number, Actor, $"Automatic mail from {mail.SenderAddress} not answered ({reason}):\n\n{mail.ChannelData.FullText}", cancellationToken);
            }

            await RecordAsync(address, cursor, uid, row, null, null, cancellationToken);
            return MailDisposition.Processed;
        }

        if (thread.TicketNumber is { } number && await tickets.FindAsync(number, cancellationToken) is { } linked
            && (linked.Channel != EmailChannel.ChannelId || linked.ConversationId != thread.ConversationId))
        {
            // A reply to a mail an agent sent for a ticket of another channel (a chat the customer had left): it
            // belongs to that ticket and its agents, not to a new conversation with the bot.
            row.TicketNumber = number;
            row.Reason = $"reply to ticket {number} of channel {linked.Channel}, added as a note";
            await tickets.AddNoteAsync(number, Actor, $"The customer answered by email ({mail.SenderAddress}):\n\n{mail.ChannelData.FullText}", cancellationToken);
            await RecordAsync(address, cursor, uid, row, null, mail, cancellationToken);
            await agents.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, number), cancellationToken);
            LogProcessed(address, uid, mail.SenderAddress, thread.ConversationId, thread.Match, number);
            return MailDisposition.Processed;
        }

        if (await autoReplyLimit.ReasonToWithholdAsync(mail.SenderAddress, cancellationToken) is { } withheld)
        {
            await WithholdAnswerAsync(mailbox, cursor, uid, mail, row, withheld, cancellationToken);
            return MailDisposition.Processed;
        }

        try
        {
            await adapter.RunTurnAsync(mail.Activity, bot.OnTurnAsync, replies => CommitTurnAsync(mailbox, cursor, uid, mail, row, replies, cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not DbUpdateException)
        {
            LogTurnFailed(exception, address, uid, thread.ConversationId);
            row.Outcome = EmailOutcome.Failed;
            row.Reason = $"the bot failed: {exception.Message}";
            await RecordAsync(address, cursor, uid, row, null, null, cancellationToken);
            return MailDisposition.Failed;
        }

        LogProcessed(address, uid, mail.SenderAddress, thread.ConversationId, thread.Match, row.TicketNumber);
        return MailDisposition.Processed;
    }

    /// <summary>Records a mail too large to download as failed (keyed by its Message-ID, else by its place in the folder).</summary>
    public async Task<MailDisposition> RejectTooLargeAsync(MailboxOptions mailbox, MailboxCursor cursor, InboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(mail);
        var address = mailbox.Address!;
        var key = mail.MessageId is { Length: > 0 and <= MessageKey.MaxLength } id
            ? id
            : string.Create(CultureInfo.InvariantCulture, $"uid:{cursor.UidValidity}:{mail.Uid.Id}");
        if (await processed.FindAsync(address, key, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"The mail has {mail.Size} bytes, more than Email:MaxMessageBytes.");
        LogUnreadable(address, mail.Uid.Id, reason);
        await RecordAsync(address, cursor, mail.Uid.Id, new EmailMessageRow { Mailbox = address, MessageKey = key, Outcome = EmailOutcome.Failed, Reason = reason }, null, null, cancellationToken);
        return MailDisposition.Failed;
    }

    /// <summary>
    /// A bounce of one of our mails: the delivery failure goes on that mail's ticket (a note agents see, and the
    /// audit trail). Returns the ticket number, or null when the bounced mail is not ours.
    /// </summary>
    private async Task<string?> RecordBounceAsync(string mailbox, DeliveryReport bounce, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var number = bounce.OriginalMessageId is null
            ? null
            : await db.Set<EmailSentMessageRow>().AsNoTracking()
                .Where(s => s.Mailbox == mailbox && s.MessageId == bounce.OriginalMessageId)
                .Select(s => s.TicketNumber)
                .FirstOrDefaultAsync(cancellationToken);
        var ticketId = number is null ? null : await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        LogBounce(mailbox, bounce.OriginalMessageId, number, string.Join("; ", bounce.Failures));
        if (ticketId is null)
        {
            return null;
        }

        var failures = bounce.Failures.Count == 0 ? "(the report names no recipient)" : string.Join("\n", bounce.Failures);
        db.TicketAudit.Add(new TicketAuditRow { TicketId = ticketId.Value, Actor = Actor, Action = "delivery-failed", NewValue = Truncate(failures, 2000), At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await tickets.AddNoteAsync(number!, Actor, $"Our mail <{bounce.OriginalMessageId}> could not be delivered:\n{failures}", cancellationToken);
        return number;
    }

    /// <summary>
    /// The sender is over the automatic-answer limit: the mail still goes onto its ticket (opened when the thread has
    /// none) as a note agents see, with the reason on the audit trail, but no turn runs and nothing is sent.
    /// </summary>
    private async Task WithholdAnswerAsync(MailboxOptions mailbox, MailboxCursor cursor, uint uid, IncomingEmail mail, EmailMessageRow row, string reason, CancellationToken cancellationToken)
    {
        LogNotAnswered(mailbox.Address!, uid, mail.SenderAddress, reason);
        var ticket = await FindOrOpenTicketAsync(mail, row.ConversationId!, cancellationToken);
        await tickets.AddNoteAsync(ticket.Number, Actor, $"Mail from {mail.SenderAddress} not answered automatically ({reason}):\n\n{mail.ChannelData.FullText}", cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.TicketAudit.Add(new TicketAuditRow { TicketId = ticket.Id, Actor = Actor, Action = AutoReplyLimit.AuditAction, NewValue = Truncate(reason, 2000), At = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        row.TicketNumber = ticket.Number;
        row.Outcome = EmailOutcome.Processed;
        row.Reason = reason;
        await RecordAsync(mailbox.Address!, cursor, uid, row, null, mail, cancellationToken);
        await agents.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, ticket.Number), cancellationToken);
    }

    private async Task CommitTurnAsync(MailboxOptions mailbox, MailboxCursor cursor, uint uid, IncomingEmail mail, EmailMessageRow row, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var ticket = await FindOrOpenTicketAsync(mail, row.ConversationId!, cancellationToken);
        row.TicketNumber = ticket.Number;
        row.Outcome = EmailOutcome.Processed;
        var answer = ReplyComposer.Compose(mailbox, EmailReplyContext.For(mail), replies, ticket.Number);
        await RecordAsync(mailbox.Address!, cursor, uid, row, answer, mail, cancellationToken);
    }

    // The dialogs may have opened the ticket already; a mail is a request, so it always has one.
    private async Task<TicketRow> FindOrOpenTicketAsync(IncomingEmail mail, string conversationId, CancellationToken cancellationToken) =>
        await tickets.FindLatestForConversationAsync(EmailChannel.ChannelId, conversationId, cancellationToken)
            ?? await tickets.CreateAsync(
                new NewTicket(EmailChannel.ChannelId, conversationId, mail.SenderAddress, mail.Subject.Length > 0 ? mail.Subject : Preview(mail.Activity.Text), mail.ChannelData.FullText)
                {
                    CustomerName = mail.Activity.From?.Name,
                    CustomerEmail = mail.SenderAddress,
                    Language = mail.Activity.Locale,
                    ConversationReferenceJson = BotJson.Serialize(mail.Activity.GetConversationReference()),
                },
                Actor,
                cancellationToken);

    /// <param name="withFiles">a mail whose files go onto the row's ticket in the same transaction</param>
    private async Task RecordAsync(string mailbox, MailboxCursor cursor, uint uid, EmailMessageRow row, MimeMessage? answer, IncomingEmail? withFiles, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        row.Uid = uid;
        row.HandledAt = now;
        row.Reason = row.Reason is null ? null : Truncate(row.Reason, 2000);
        db.Add(row);
        if (answer is not null)
        {
            EmailOutboxRows.Add(db, mailbox, row.ConversationId!, row.TicketNumber, answer, now);
        }

        if (withFiles is not null && row.TicketNumber is { } ticketNumber)
        {
            await EmailAttachmentRows.AddAsync(db, ticketNumber, withFiles, Actor, now, cancellationToken);
        }

        var state = await db.Set<EmailMailboxStateRow>().FirstOrDefaultAsync(s => s.Mailbox == mailbox, cancellationToken);
        if (state is null)
        {
            state = new EmailMailboxStateRow { Mailbox = mailbox };
            db.Add(state);
        }

        if (state.UidValidity != cursor.UidValidity)
        {
            state.UidValidity = cursor.UidValidity;
            state.LastUid = 0;
        }

        state.LastUid = Math.Max(state.LastUid, uid);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Preview(string? text)
    {
        var line = text?.Split('\n', 2)[0].Trim() ?? string.Empty;
        return line.Length == 0 ? "(no subject)" : Truncate(line, 120);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: mail {Uid} from {Sender} processed in conversation {ConversationId} (matched by {Match}, ticket {TicketNumber})")]
    private partial void LogProcessed(string mailbox, uint uid, string sender, string conversationId, EmailThreadMatch match, string? ticketNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: mail {Uid} cannot be read and goes to the failed folder: {Reason}")]
    private partial void LogUnreadable(string mailbox, uint uid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: mail {Uid} ({MessageKey}) was handled before; only moving it")]
    private partial void LogDuplicate(string mailbox, uint uid, string messageKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: mail {Uid} from {Sender} gets no automatic answer: {Reason}")]
    private partial void LogNotAnswered(string mailbox, uint uid, string sender, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: our mail {MessageId} (ticket {TicketNumber}) bounced: {Failures}")]
    private partial void LogBounce(string mailbox, string? messageId, string? ticketNumber, string failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: the turn for mail {Uid} in conversation {ConversationId} failed; the mail goes to the failed folder")]
    private partial void LogTurnFailed(Exception exception, string mailbox, uint uid, string conversationId);
}
