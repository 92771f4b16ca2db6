using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Email;
using FirstLine.Dialogs.Engine;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Privacy;

/// <summary>
/// The erasing steps that retention and customers' requests share. Each works inside the caller's context and
/// transaction, and finds nothing to do a second time.
/// </summary>
internal static class PersonalDataEraser
{
    /// <summary>What an erased ticket's subject and description say.</summary>
    public const string Erased = "[erased]";

    /// <summary>The audit action of an anonymised ticket.</summary>
    public const string TicketErasedAction = "personal-data-erased";

    /// <summary>The audit action on a ticket whose conversation content was deleted.</summary>
    public const string ConversationPurgedAction = "conversation-purged";

    /// <summary>
    /// Ticket fields that say who the customer is or what they wrote. Their values are erased, also from the
    /// audit trail; every other field (status, priority, level, queue, dates, rating …) is statistics and stays.
    /// </summary>
    private static readonly string[] PersonalTicketFields =
    [
        nameof(TicketRow.Subject), nameof(TicketRow.Description), nameof(TicketRow.ConversationId), nameof(TicketRow.ConversationReferenceJson),
        nameof(TicketRow.Summary), nameof(TicketRow.KeyPhrasesJson), nameof(TicketRow.BotAttemptsJson), nameof(TicketRow.PriorityRationaleJson),
        nameof(TicketRow.SatisfactionComment),
    ];

    /// <summary>Deletes a conversation's transcript, Direct Line log and uploads, dialog state and ownership, and its e-mail records.</summary>
    public static async Task<ErasedCounts> DeleteConversationAsync(FirstLineDbContext db, ConversationKey conversation, CancellationToken cancellationToken)
    {
        var (channel, id) = conversation;
        var stateKey = DialogRunner.StateKey(channel, id);
        var counts = new ErasedCounts
        {
            TranscriptActivities = await db.Transcripts.Where(t => t.ChannelId == channel && t.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
            ConversationStates = await db.States.Where(s => s.Key == stateKey).ExecuteDeleteAsync(cancellationToken),
            ConversationOwners = await db.ConversationOwners.Where(o => o.Channel == channel && o.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
        };
        if (channel == DirectLineChannel.ChannelId)
        {
            counts = counts with
            {
                DirectLineActivities = await db.DirectLineActivities.Where(a => a.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
                Attachments = await db.Attachments.Where(a => a.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
                DirectLineConversations = await db.DirectLineConversations.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken),
            };
        }
        else if (channel == EmailChannel.ChannelId)
        {
            counts = counts with
            {
                EmailRecords = await ClearEmailRecordsAsync(db.Set<EmailMessageRow>().Where(m => m.ConversationId == id), cancellationToken),
                OutboxMails = await db.Set<EmailOutboxRow>().Where(m => m.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
                SentMessageIds = await db.Set<EmailSentMessageRow>().Where(m => m.ConversationId == id).ExecuteDeleteAsync(cancellationToken),
            };
        }

        return counts.Total == 0 ? counts : counts with { Conversations = 1 };
    }

    /// <summary>
    /// Removes sender, subject, reason and conversation from records of handled mail; the Message-ID, outcome and
    /// time stay, so a mail still on the server is not answered twice.
    /// </summary>
    public static Task<int> ClearEmailRecordsAsync(IQueryable<EmailMessageRow> records, CancellationToken cancellationToken) =>
        records
            .Where(m => m.Sender != null || m.Subject != null || m.Reason != null || m.ConversationId != null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Sender, (string?)null)
                    .SetProperty(m => m.Subject, (string?)null)
                    .SetProperty(m => m.Reason, (string?)null)
                    .SetProperty(m => m.ConversationId, (string?)null),
                cancellationToken);

    /// <summary>
    /// Anonymises a tracked ticket: texts and the link to its conversation go, notes, agents' replies and the
    /// customer's files are deleted,
    /// personal values leave the audit trail, and the trail records the erasure. Saved by the caller.
    /// </summary>
    public static async Task<ErasedCounts> AnonymiseTicketAsync(FirstLineDbContext db, TicketRow ticket, string actor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = ticket.Id;
        var notes = await db.TicketNotes.Where(n => n.TicketId == id).ExecuteDeleteAsync(cancellationToken);
        var replies = await db.TicketReplies.Where(r => r.TicketId == id).ExecuteDeleteAsync(cancellationToken);
        var files = await db.TicketAttachments.Where(a => a.TicketId == id).ExecuteDeleteAsync(cancellationToken);
        await db.TicketAudit
            .Where(a => a.TicketId == id && a.Field != null && PersonalTicketFields.Contains(a.Field) && (a.OldValue != null || a.NewValue != null))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OldValue, (string?)null).SetProperty(a => a.NewValue, (string?)null), cancellationToken);
        var owners = await db.ConversationOwners.Where(o => o.TicketNumber == ticket.Number).ExecuteDeleteAsync(cancellationToken);

        ticket.Subject = Erased;
        ticket.Description = Erased;
        ticket.ConversationId = $"erased-{id}";
        ticket.ConversationReferenceJson = null;
        ticket.Summary = null;
        ticket.KeyPhrasesJson = null;
        ticket.BotAttemptsJson = null;
        ticket.PriorityRationaleJson = null;
        ticket.SatisfactionComment = null;
        ticket.ErasedAt = now;
        ticket.ETag = TicketService.NewETag();
        db.TicketAudit.Add(new TicketAuditRow { TicketId = id, Actor = actor, Action = TicketErasedAction, NewValue = reason, At = now });
        return new ErasedCounts { Tickets = 1, TicketNotes = notes, TicketReplies = replies, TicketAttachments = files, ConversationOwners = owners };
    }

    /// <summary>Anonymises a tracked customer: name, e-mail address and channel id go; language and dates stay. Saved by the caller.</summary>
    public static ErasedCounts AnonymiseCustomer(CustomerRow customer, DateTimeOffset now)
    {
        customer.Name = null;
        customer.Email = null;

        // Unique per channel, and no longer the person's address or id.
        customer.ChannelUserId = $"erased-{customer.Id}";
        customer.ErasedAt = now;
        return new ErasedCounts { Customers = 1 };
    }
}
