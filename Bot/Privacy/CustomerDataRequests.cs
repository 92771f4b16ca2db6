using FirstLine.Bot.Agents.Console;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Privacy;

/// <summary>
/// A customer's requests under the GDPR: export everything stored about them, or erase it. A customer is found
/// by e-mail address (every channel's record with that address, and mail from or to it) or by a ticket number
/// (that ticket's requester, and every record sharing their address).
/// </summary>
public sealed partial class CustomerDataRequests(
    IDbContextFactory<FirstLineDbContext> contexts,
    TicketService tickets,
    ITranscriptLogger transcripts,
    TimeProvider time,
    ILogger<CustomerDataRequests> logger)
{
    /// <exception cref="CustomerNotFoundException">nothing is stored about them</exception>
    public async Task<CustomerExport> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, subject, cancellationToken);
        var ticketIds = found.Tickets.Select(t => t.Id).ToList();
        var replies = (await db.TicketReplies.AsNoTracking().Where(r => ticketIds.Contains(r.TicketId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.TicketId);
        var files = (await db.TicketAttachments.AsNoTracking().Where(a => ticketIds.Contains(a.TicketId)).OrderBy(a => a.Id)
                .Select(a => new { a.TicketId, a.Id, a.FileName, a.ContentType, a.Bytes, a.Sha256, a.Inline, a.ContentId, a.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.TicketId, a => new ExportedTicketFile(a.Id, a.FileName, a.ContentType, a.Bytes, a.Sha256, a.Inline, a.ContentId, a.CreatedAt, CustomerFiles.PathOf(a.Id, a.FileName)));
        var conversations = new List<ExportedConversation>();
        foreach (var conversation in found.Conversations)
        {
            conversations.Add(await ExportConversationAsync(db, conversation, cancellationToken));
        }

        LogExported(subject.ForLog, found.Customers.Count, found.Tickets.Count, found.Conversations.Count);
        return new CustomerExport(
            time.GetUtcNow(),
            subject.ToString(),
            [.. found.Customers.Select(c => new ExportedCustomer(c.Channel, c.ChannelUserId, c.Name, c.Email, c.Language, c.CreatedAt, c.ErasedAt))],
            [.. found.Tickets.Select(t => ExportTicket(t, replies[t.Id], files[t.Id]))],
            conversations);
    }

    /// <summary>
    /// Anonymises every ticket of the customer (closing active ones first: there is nobody left to answer), deletes
    /// their conversations' content and mail, and anonymises their customer records, in one transaction.
    /// Erasing again finds nothing more to do.
    /// </summary>
    /// <param name="actor">who asked, for the audit trail (<c>apikey:3</c>, <c>command line</c>)</param>
    /// <exception cref="CustomerNotFoundException">nothing is stored about them</exception>
    public async Task<CustomerErasure> EraseAsync(DataSubject subject, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using (var lookup = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var found = await FindAsync(lookup, subject, cancellationToken);
            foreach (var active in found.Tickets.Where(t => t.ErasedAt == null && TicketLifecycle.IsActive(t.Status)))
            {
                await tickets.ChangeStatusAsync(active.Number, TicketStatus.Closed, actor, expectedETag: null, cancellationToken);
            }
        }

        var now = time.GetUtcNow();
        var (erasedTickets, counts) = await contexts.InTransactionAsync((db, ct) => EraseInAsync(db, subject, actor, now, ct), cancellationToken);
        LogErased(subject.ForLog, actor, string.Join(", ", erasedTickets), counts.ToString());
        return new CustomerErasure(subject.ToString(), erasedTickets, counts);
    }

    private static async Task<(List<string> Tickets, ErasedCounts Counts)> EraseInAsync(FirstLineDbContext db, DataSubject subject, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, subject, cancellationToken);
        var counts = ErasedCounts.None;
        var erasedTickets = new List<string>();
        foreach (var ticket in found.Tickets.Where(t => t.ErasedAt == null))
        {
            counts += await PersonalDataEraser.AnonymiseTicketAsync(db, ticket, actor, "erased on the customer's request", now, cancellationToken);
            erasedTickets.Add(ticket.Number);
        }

        foreach (var conversation in found.Conversations)
        {
            counts += await PersonalDataEraser.DeleteConversationAsync(db, conversation, cancellationToken);
        }

        foreach (var address in found.Addresses)
        {
            counts += new ErasedCounts
            {
                EmailRecords = await PersonalDataEraser.ClearEmailRecordsAsync(db.Set<EmailMessageRow>().Where(m => m.Sender != null && m.Sender.ToLower() == address), cancellationToken),
                OutboxMails = await db.Set<EmailOutboxRow>().Where(m => m.Recipient.ToLower() == address).ExecuteDeleteAsync(cancellationToken),
                SentMessageIds = await db.Set<EmailSentMessageRow>().Where(m => m.Recipient.ToLower() == address).ExecuteDeleteAsync(cancellationToken),
            };
        }

        foreach (var customer in found.Customers.Where(c => c.ErasedAt == null))
        {
            counts += PersonalDataEraser.AnonymiseCustomer(customer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (erasedTickets, counts);
    }

    /// <summary>The customer's records (tracked), tickets with notes, conversations and e-mail addresses.</summary>
    private static async Task<SubjectData> FindAsync(FirstLineDbContext db, DataSubject subject, CancellationToken cancellationToken)
    {
        var customers = new List<CustomerRow>();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (subject.TicketNumber is { } number)
        {
            var requester = await db.Tickets.Where(t => t.Number == number).Select(t => t.Customer).FirstOrDefaultAsync(cancellationToken)
                ?? throw new CustomerNotFoundException(subject);
            customers.Add(requester);
            if (AddressOf(requester) is { } address)
            {
                addresses.Add(address);
            }
        }
        else
        {
            addresses.Add(subject.Email!);
        }

        foreach (var address in addresses)
        {
            customers.AddRange(await db.Customers
                .Where(c => (c.Email != null && c.Email.ToLower() == address) || (c.Channel == EmailChannel.ChannelId && c.ChannelUserId.ToLower() == address))
                .ToListAsync(cancellationToken));
        }

        customers = [.. customers.DistinctBy(c => c.Id).OrderBy(c => c.Id)];
        var customerIds = customers.Select(c => c.Id).ToList();
        var ticketRows = await db.Tickets.Include(t => t.Notes).Where(t => customerIds.Contains(t.CustomerId)).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var directLineUsers = customers.Where(c => c.Channel == DirectLineChannel.ChannelId && c.ErasedAt == null).Select(c => c.ChannelUserId).ToList();
        var directLine = await db.DirectLineConversations.Where(c => directLineUsers.Contains(c.UserId)).Select(c => c.Id).ToListAsync(cancellationToken);
        var mailed = new List<string>();
        foreach (var address in addresses)
        {
            mailed.AddRange(await db.Set<EmailMessageRow>().Where(m => m.ConversationId != null && m.Sender != null && m.Sender.ToLower() == address)
                .Select(m => m.ConversationId!).ToListAsync(cancellationToken));
        }

        if (customers.Count == 0 && mailed.Count == 0 && !await HasMailAsync(db, addresses, cancellationToken))
        {
            throw new CustomerNotFoundException(subject);
        }

        List<ConversationKey> conversations =
        [
            .. ticketRows.Where(t => t.ErasedAt == null).Select(t => new ConversationKey(t.Channel, t.ConversationId))
                .Concat(directLine.Select(id => new ConversationKey(DirectLineChannel.ChannelId, id)))
                .Concat(mailed.Select(id => new ConversationKey(EmailChannel.ChannelId, id)))
                .Distinct(),
        ];
        return new SubjectData(customers, ticketRows, conversations, addresses);
    }

    private static async Task<bool> HasMailAsync(FirstLineDbContext db, IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            if (await db.Set<EmailMessageRow>().AnyAsync(m => m.Sender != null && m.Sender.ToLower() == address, cancellationToken)
                || await db.Set<EmailOutboxRow>().AnyAsync(m => m.Recipient.ToLower() == address, cancellationToken)
                || await db.Set<EmailSentMessageRow>().AnyAsync(m => m.Recipient.ToLower() == address, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static string? AddressOf(CustomerRow customer) =>
        (customer.Email ?? (customer.Channel == EmailChannel.ChannelId && customer.ErasedAt == null ? customer.ChannelUserId : null))?.Trim().ToLowerInvariant();

    private async Task<ExportedConversation> ExportConversationAsync(FirstLineDbContext db, ConversationKey conversation, CancellationToken cancellationToken)
    {
        var activities = await transcripts.GetTranscriptAsync(conversation.Channel, conversation.Id, cancellationToken);
        var messages = activities.Where(a => a.IsType(ActivityTypes.Message)).Select(a => new ExportedMessage(
            a.Timestamp,
            TicketTranscript.SpeakerOf(a).ToString().ToLowerInvariant(),
            a.From?.Name,
            a.Text,
            [.. a.Attachments?.Select(x => x.Name ?? x.ContentType ?? "attachment") ?? []]));
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ConversationId == conversation.Id && conversation.Channel == DirectLineChannel.ChannelId)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new ExportedAttachment(a.Id, a.Name, a.ContentType, a.Content.Length, a.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ExportedConversation(conversation.Channel, conversation.Id, [.. messages], attachments);
    }

    private static ExportedTicket ExportTicket(TicketRow ticket, IEnumerable<Agents.TicketReplyRow> replies, IEnumerable<ExportedTicketFile> files) => new(
        ticket.Number,
        ticket.Status.ToString(),
        ticket.Priority.ToString(),
        (int)ticket.Level,
        ticket.Channel,
        new ConversationKey(ticket.Channel, ticket.ConversationId).ToString(),
        ticket.Language,
        ticket.Category,
        ticket.Subject,
        ticket.Description,
        ticket.Summary,
        ticket.SatisfactionRating,
        ticket.SatisfactionComment,
        ticket.CreatedAt,
        ticket.UpdatedAt,
        ticket.ResolvedAt,
        ticket.ClosedAt,
        ticket.ErasedAt,
        [.. ticket.Notes.OrderBy(n => n.Id).Select(n => new ExportedNote(n.Author, n.Text, n.CreatedAt))],
        [.. replies.Select(r => new ExportedReply(r.AuthorName, r.Text, r.Status.ToString(), r.CreatedAt, r.SentAt))],
        [.. files]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported the data of the customer named by {Subject}: {Customers} customer records, {Tickets} tickets, {Conversations} conversations")]
    private partial void LogExported(string subject, int customers, int tickets, int conversations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the data of the customer named by {Subject} on request of {Actor}: tickets {Tickets}; {Details}")]
    private partial void LogErased(string subject, string actor, string tickets, string details);

    private sealed record SubjectData(List<CustomerRow> Customers, List<TicketRow> Tickets, List<ConversationKey> Conversations, HashSet<string> Addresses);
}
