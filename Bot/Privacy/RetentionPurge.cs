using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Email;
using FirstLine.Dialogs.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Privacy;

/// <summary>
/// Deletes or anonymises personal data older than the <c>Retention</c> section allows: old resolved/closed tickets
/// lose their personal fields (statistics stay), idle conversations lose their content, old uploads go, and
/// customers without remaining tickets are anonymised. Active tickets' data is never touched. Idempotent: a
/// second run at the same time finds nothing; safe to run on every node (each step re-checks in its transaction).
/// </summary>
public sealed partial class RetentionPurge(
    IDbContextFactory<FirstLineDbContext> contexts,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    private const string Actor = "retention";

    private static readonly TicketStatus[] Finished = [TicketStatus.Resolved, TicketStatus.Closed];

    public async Task<ErasedCounts> RunAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        if (!retention.Enabled)
        {
            LogDisabled();
            return ErasedCounts.None;
        }

        var now = time.GetUtcNow();
        var counts = await AnonymiseOldTicketsAsync(retention, now, cancellationToken);
        counts += await PurgeIdleConversationsAsync(retention, now, cancellationToken);
        counts += await DeleteOldAttachmentsAsync(retention, now, cancellationToken);
        counts += await AnonymiseFormerCustomersAsync(retention, now, cancellationToken);
        LogPurged(counts.Tickets, counts.Conversations, counts.Attachments, counts.Customers, counts.ToString());
        return counts;
    }

    private async Task<ErasedCounts> AnonymiseOldTicketsAsync(RetentionOptions retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-retention.TicketDays);
        var conversationCutoff = now.AddDays(-retention.ConversationDays);
        var reason = $"retention: resolved or closed and unchanged for more than {retention.TicketDays} days";
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Tickets.Where(t => t.ErasedAt == null && Finished.Contains(t.Status) && t.UpdatedAt < cutoff)
                .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var counts = ErasedCounts.None;
        foreach (var id in due)
        {
            try
            {
                counts += await contexts.InTransactionAsync(
                    async (db, ct) =>
                    {
                        // Checked again inside the transaction: the customer may have written (and reopened it) meanwhile.
                        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id && t.ErasedAt == null && Finished.Contains(t.Status) && t.UpdatedAt < cutoff, ct);
                        if (ticket is null)
                        {
                            return ErasedCounts.None;
                        }

                        var conversation = new ConversationKey(ticket.Channel, ticket.ConversationId);
                        var erased = await PersonalDataEraser.AnonymiseTicketAsync(db, ticket, Actor, reason, now, ct);
                        if (await IsIdleAsync(db, conversation, conversationCutoff, ct))
                        {
                            erased += await PersonalDataEraser.DeleteConversationAsync(db, conversation, ct);
                        }

                        await db.SaveChangesAsync(ct);
                        return erased;
                    },
                    cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed by someone else after the check; the transaction rolled back and the next run looks again.
                LogTicketChanged(id);
            }
        }

        return counts;
    }

    private async Task<ErasedCounts> PurgeIdleConversationsAsync(RetentionOptions retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-retention.ConversationDays);
        var reason = $"retention: transcript, uploads and conversation state deleted after {retention.ConversationDays} days without activity";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = ErasedCounts.None;
        foreach (var conversation in await OldConversationsAsync(db, cutoff, cancellationToken))
        {
            counts += await contexts.InTransactionAsync(
                async (tx, ct) =>
                {
                    if (!await IsIdleAsync(tx, conversation, cutoff, ct))
                    {
                        return ErasedCounts.None;
                    }

                    var erased = await PersonalDataEraser.DeleteConversationAsync(tx, conversation, ct);
                    var tickets = await tx.Tickets.Where(t => t.Channel == conversation.Channel && t.ConversationId == conversation.Id && t.ErasedAt == null)
                        .Select(t => t.Id).ToListAsync(ct);
                    tx.TicketAudit.AddRange(tickets.Select(id => new TicketAuditRow { TicketId = id, Actor = Actor, Action = PersonalDataEraser.ConversationPurgedAction, NewValue = reason, At = now }));
                    await tx.SaveChangesAsync(ct);
                    return erased;
                },
                cancellationToken);
        }

        // Mails that never joined a conversation (unreadable, ignored) keep only their Message-ID.
        counts += new ErasedCounts
        {
            EmailRecords = await PersonalDataEraser.ClearEmailRecordsAsync(db.Set<EmailMessageRow>().Where(m => m.ConversationId == null && m.HandledAt < cutoff), cancellationToken),
        };
        return counts;
    }

    private async Task<ErasedCounts> DeleteOldAttachmentsAsync(RetentionOptions retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-retention.AttachmentDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversations = await db.Attachments.Where(a => a.CreatedAt < cutoff).Select(a => a.ConversationId).Distinct().ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var id in conversations)
        {
            if (await HasActiveTicketAsync(db, new ConversationKey(DirectLineChannel.ChannelId, id), cancellationToken))
            {
                continue;
            }

            deleted += await db.Attachments.Where(a => a.ConversationId == id && a.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return new ErasedCounts { Attachments = deleted };
    }

    private async Task<ErasedCounts> AnonymiseFormerCustomersAsync(RetentionOptions retention, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-retention.TicketDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers
            .Where(c => c.ErasedAt == null && c.CreatedAt < cutoff && !db.Tickets.Any(t => t.CustomerId == c.Id && t.ErasedAt == null))
            .ToListAsync(cancellationToken);
        var counts = customers.Aggregate(ErasedCounts.None, (sum, customer) => sum + PersonalDataEraser.AnonymiseCustomer(customer, now));
        await db.SaveChangesAsync(cancellationToken);
        return counts;
    }

    /// <summary>Conversations with something stored before the cutoff, from every store.</summary>
    private static async Task<IReadOnlyList<ConversationKey>> OldConversationsAsync(FirstLineDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var transcripts = await db.Transcripts.Where(t => t.Timestamp < cutoff).Select(t => new { t.ChannelId, t.ConversationId }).Distinct().ToListAsync(cancellationToken);
        var directLine = await db.DirectLineConversations.Where(c => c.CreatedAt < cutoff).Select(c => c.Id).ToListAsync(cancellationToken);
        var owners = await db.ConversationOwners.Where(o => o.UpdatedAt < cutoff).Select(o => new { o.Channel, o.ConversationId }).ToListAsync(cancellationToken);
        var received = await db.Set<EmailMessageRow>().Where(m => m.ConversationId != null && m.HandledAt < cutoff).Select(m => m.ConversationId!).Distinct().ToListAsync(cancellationToken);
        var outbox = await db.Set<EmailOutboxRow>().Where(m => m.CreatedAt < cutoff).Select(m => m.ConversationId).Distinct().ToListAsync(cancellationToken);
        var sent = await db.Set<EmailSentMessageRow>().Where(m => m.CreatedAt < cutoff).Select(m => m.ConversationId).Distinct().ToListAsync(cancellationToken);
        return
        [
            .. transcripts.Select(t => new ConversationKey(t.ChannelId, t.ConversationId))
                .Concat(directLine.Select(id => new ConversationKey(DirectLineChannel.ChannelId, id)))
                .Concat(owners.Select(o => new ConversationKey(o.Channel, o.ConversationId)))
                .Concat(received.Concat(outbox).Concat(sent).Select(id => new ConversationKey(EmailChannel.ChannelId, id)))
                .Distinct(),
        ];
    }

    /// <summary>
    /// Nothing of the conversation happened since the cutoff in any store, and none of its tickets is active or
    /// changed since then.
    /// </summary>
    private static async Task<bool> IsIdleAsync(FirstLineDbContext db, ConversationKey conversation, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var (channel, id) = conversation;
        var stateKey = DialogRunner.StateKey(channel, id);
        return !await HasActiveTicketAsync(db, conversation, cancellationToken)
            && !await db.Tickets.AnyAsync(t => t.Channel == channel && t.ConversationId == id && t.ErasedAt == null && t.UpdatedAt >= cutoff, cancellationToken)
            && !await db.Transcripts.AnyAsync(t => t.ChannelId == channel && t.ConversationId == id && t.Timestamp >= cutoff, cancellationToken)
            && !await db.States.AnyAsync(s => s.Key == stateKey && s.UpdatedAt >= cutoff, cancellationToken)
            && !await db.ConversationOwners.AnyAsync(o => o.Channel == channel && o.ConversationId == id && o.UpdatedAt >= cutoff, cancellationToken)
            && (channel != DirectLineChannel.ChannelId
                || (!await db.DirectLineConversations.AnyAsync(c => c.Id == id && c.CreatedAt >= cutoff, cancellationToken)
                    && !await db.DirectLineActivities.AnyAsync(a => a.ConversationId == id && a.Timestamp >= cutoff, cancellationToken)
                    && !await db.Attachments.AnyAsync(a => a.ConversationId == id && a.CreatedAt >= cutoff, cancellationToken)))
            && (channel != EmailChannel.ChannelId
                || (!await db.Set<EmailMessageRow>().AnyAsync(m => m.ConversationId == id && m.HandledAt >= cutoff, cancellationToken)
                    && !await db.Set<EmailOutboxRow>().AnyAsync(m => m.ConversationId == id && m.CreatedAt >= cutoff, cancellationToken)
                    && !await db.Set<EmailSentMessageRow>().AnyAsync(m => m.ConversationId == id && m.CreatedAt >= cutoff, cancellationToken)));
    }

    private static Task<bool> HasActiveTicketAsync(FirstLineDbContext db, ConversationKey conversation, CancellationToken cancellationToken) =>
        db.Tickets.AnyAsync(t => t.Channel == conversation.Channel && t.ConversationId == conversation.Id && t.ErasedAt == null && !Finished.Contains(t.Status), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention is disabled (Retention:Enabled is false); nothing was purged")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Tickets} tickets anonymised, {Conversations} conversations deleted, {Attachments} uploads deleted, {Customers} customers anonymised ({Details})")]
    private partial void LogPurged(int tickets, int conversations, int attachments, int customers, string details);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention skipped ticket {TicketId}: it changed while being anonymised; the next run looks again")]
    private partial void LogTicketChanged(long ticketId);
}
