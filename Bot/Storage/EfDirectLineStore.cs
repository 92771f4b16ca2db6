using System.Globalization;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Schema;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage;

/// <summary>The Direct Line log in the database, so a restart or another node loses nothing.</summary>
internal sealed class EfDirectLineStore(IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time) : IDirectLineStore
{
    public async Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DirectLineConversations.Add(new DirectLineConversationRow
        {
            Id = conversation.Id,
            UserId = conversation.UserId,
            UserName = conversation.UserName,
            Locale = conversation.Locale,
            CreatedAt = conversation.CreatedAt,
            StartedAt = conversation.StartedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DirectLineConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        return row is null ? null : new DirectLineConversation(row.Id, row.UserId, row.UserName, row.Locale, row.CreatedAt, row.StartedAt);
    }

    public async Task<bool> TryMarkStartedAsync(string conversationId, string? locale, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One conditional UPDATE: exactly one caller (on any node) wins the start and greets.
        var changed = await db.DirectLineConversations
            .Where(c => c.Id == conversationId && c.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, startedAt).SetProperty(c => c.Locale, c => locale ?? c.Locale), cancellationToken);
        return changed == 1;
    }

    public Task<LoggedActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync((db, ct) => AppendInAsync(db, conversationId, activity, ct), cancellationToken);

    public async Task<IReadOnlyList<LoggedActivity>> GetActivitiesAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(maxCount)
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LoggedActivity(r.Sequence, BotJson.Deserialize<Activity>(r.Json)!))];
    }

    public async Task SaveAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Attachments.Add(new AttachmentRow
        {
            Id = attachment.Id,
            ConversationId = attachment.ConversationId,
            ContentType = attachment.ContentType,
            Name = attachment.Name,
            Content = attachment.Content,
            CreatedAt = attachment.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredAttachment?> FindAttachmentAsync(string attachmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        return row is null ? null : new StoredAttachment(row.Id, row.ConversationId, row.ContentType, row.Name, row.Content, row.CreatedAt);
    }

    private async Task<LoggedActivity> AppendInAsync(FirstLineDbContext db, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        // Taking the number is an UPDATE of the conversation row: it locks the row until this transaction ends, so
        // concurrent writers — threads, or other nodes on PostgreSQL — queue here and each gets the next number.
        var taken = await db.DirectLineConversations
            .Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextSequence, c => c.NextSequence + 1), cancellationToken);
        if (taken == 0)
        {
            throw DirectLineException.ConversationNotFound();
        }

        var sequence = await db.DirectLineConversations.Where(c => c.Id == conversationId).Select(c => c.NextSequence).SingleAsync(cancellationToken) - 1;
        var previous = await db.DirectLineActivities
            .Where(a => a.ConversationId == conversationId && a.Sequence == sequence - 1)
            .Select(a => (DateTimeOffset?)a.Timestamp)
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var timestamp = previous is { } last && now <= last ? last.AddTicks(1) : now;

        activity.Id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
        activity.Timestamp = timestamp;
        db.DirectLineActivities.Add(new DirectLineActivityRow
        {
            ConversationId = conversationId,
            Sequence = sequence,
            ActivityId = activity.Id,
            Type = activity.Type ?? ActivityTypes.Message,
            Timestamp = timestamp,
            Json = BotJson.Serialize(activity),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new LoggedActivity(sequence, activity);
    }
}
