using FirstLine.Bot.Storage;
using FirstLine.Channels.Schema;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// Keeps who owns each conversation, in the database so every node agrees. Claims are one conditional
/// UPDATE: when two agents claim at once, exactly one wins.
/// </summary>
public sealed class ConversationOwnership(IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time)
{
    public async Task<ConversationOwnerRow?> FindAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationOwners.AsNoTracking().FirstOrDefaultAsync(o => o.Channel == channel && o.ConversationId == conversationId, cancellationToken);
    }

    public async Task<ConversationOwnerRow?> FindByTicketAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationOwners.AsNoTracking().FirstOrDefaultAsync(o => o.TicketNumber == ticketNumber, cancellationToken);
    }

    /// <summary>The bot handed the conversation over: it waits in the queue for an agent.</summary>
    public async Task QueueAsync(ConversationReference reference, string ticketNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channel = reference.ChannelId!;
        var conversationId = reference.Conversation!.Id!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ConversationOwners.FirstOrDefaultAsync(o => o.Channel == channel && o.ConversationId == conversationId, cancellationToken);
        if (row is null)
        {
            row = new ConversationOwnerRow { Channel = channel, ConversationId = conversationId, ConversationReferenceJson = string.Empty };
            db.ConversationOwners.Add(row);
        }

        row.Owner = ConversationOwner.Queue;
        row.AgentId = null;
        row.AgentName = null;
        row.TicketNumber = ticketNumber;
        row.ConversationReferenceJson = BotJson.Serialize(reference);
        row.Locale = reference.Locale;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An agent takes the conversation of a ticket; false when another agent already owns it.</summary>
    public async Task<bool> TryClaimAsync(string ticketNumber, string agentId, string agentName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ConversationOwners
            .Where(o => o.TicketNumber == ticketNumber && (o.Owner != ConversationOwner.Agent || o.AgentId == agentId))
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Owner, ConversationOwner.Agent)
                    .SetProperty(o => o.AgentId, agentId)
                    .SetProperty(o => o.AgentName, agentName)
                    .SetProperty(o => o.UpdatedAt, time.GetUtcNow()),
                cancellationToken);
        return claimed == 1;
    }

    /// <summary>The bot answers again (the agent handed back, or the ticket was resolved).</summary>
    public async Task ReleaseToBotAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ConversationOwners
            .Where(o => o.TicketNumber == ticketNumber)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Owner, ConversationOwner.Bot)
                    .SetProperty(o => o.AgentId, (string?)null)
                    .SetProperty(o => o.AgentName, (string?)null)
                    .SetProperty(o => o.UpdatedAt, time.GetUtcNow()),
                cancellationToken);
    }
}
