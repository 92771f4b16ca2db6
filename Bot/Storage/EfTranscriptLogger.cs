using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage;

/// <summary>Transcripts of every channel in the database.</summary>
internal sealed class EfTranscriptLogger(IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time) : ITranscriptLogger
{
    public async Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Transcripts.Add(new TranscriptRow
        {
            ChannelId = activity.ChannelId ?? "unknown",
            ConversationId = activity.Conversation?.Id ?? "unknown",
            ActivityId = activity.Id,
            Type = activity.Type ?? ActivityTypes.Message,
            Timestamp = activity.Timestamp ?? time.GetUtcNow(),
            Json = BotJson.Serialize(activity),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.Transcripts.AsNoTracking()
            .Where(t => t.ChannelId == channelId && t.ConversationId == conversationId)
            .OrderBy(t => t.Id)
            .Select(t => t.Json)
            .ToListAsync(cancellationToken);
        return [.. json.Select(j => BotJson.Deserialize<Activity>(j)!)];
    }
}
