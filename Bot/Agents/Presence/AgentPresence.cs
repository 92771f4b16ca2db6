using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>
/// Who can take a conversation now: an agent whose console sent a heartbeat within
/// <see cref="AgentOptions.PresenceTimeout"/>, who works the queue (or every queue), during business hours.
/// Heartbeats are kept in the database so every node sees the same agents.
/// </summary>
public sealed class AgentPresence(
    IDbContextFactory<FirstLineDbContext> contexts,
    BusinessHours businessHours,
    IOptions<AgentOptions> options,
    TimeProvider time) : IAgentPresence
{
    /// <summary>A console beats more often than this; writing each beat would only add load.</summary>
    private static readonly TimeSpan TouchResolution = TimeSpan.FromSeconds(10);

    public async Task<bool> IsAgentAvailableAsync(string queue, CancellationToken cancellationToken) =>
        (await AvailableAgentsAsync(queue, cancellationToken)).Count > 0;

    /// <summary>The agents present now who work <paramref name="queue"/> (every queue when null); empty outside business hours.</summary>
    public async Task<IReadOnlyList<AgentAccount>> AvailableAgentsAsync(string? queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!businessHours.IsOpen(now))
        {
            return [];
        }

        var since = now - options.Value.PresenceTimeout;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var present = await db.Agents.AsNoTracking().Where(a => !a.Disabled && a.LastSeenAt >= since).ToListAsync(cancellationToken);
        return [.. present.Select(AgentAccount.From).Where(a => queue is null || a.Queues.Count == 0 || a.Queues.Contains(queue, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The console is open: call on every heartbeat (the circuit handler and cookie validation do).</summary>
    public async Task TouchAsync(long agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - TouchResolution;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Agents.Where(a => a.Id == agentId && (a.LastSeenAt == null || a.LastSeenAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), cancellationToken);
    }

    /// <summary>The agent signed out: they stop counting as present at once.</summary>
    public async Task SignOffAsync(long agentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, (DateTimeOffset?)null), cancellationToken);
    }
}
