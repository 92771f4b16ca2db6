using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents.Console;

/// <summary>What the queue page filters by; null means "any".</summary>
public sealed record QueueFilter
{
    public string? Queue { get; init; }

    public SupportLevel? Level { get; init; }

    public string? Language { get; init; }

    public TicketStatus? Status { get; init; }

    public bool MineOnly { get; init; }
}

/// <summary>One line of the queue.</summary>
public sealed record QueueItem(
    string Number,
    string Subject,
    string? CustomerName,
    string? Queue,
    SupportLevel Level,
    TicketStatus Status,
    TicketPriority Priority,
    string? Language,
    string? AssigneeId,
    string? OwnerName,
    ConversationOwner? Owner,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt);

/// <summary>
/// The agents' queue: tickets handed to humans (level 2 and up) and new ones, most urgent first —
/// by the SLA deadline that matters now, then by priority.
/// </summary>
public sealed class TicketQueueQuery(IDbContextFactory<FirstLineDbContext> contexts)
{
    /// <summary>A console shows a working day's queue, not the archive; the REST API pages through everything.</summary>
    private const int MaxRows = 500;

    public async Task<IReadOnlyList<QueueItem>> ListAsync(QueueFilter filter, string? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Tickets.AsNoTracking().Include(t => t.Customer)
            .Where(t => t.Level >= SupportLevel.Second || t.Status == TicketStatus.New);
        query = filter.Status is { } status
            ? query.Where(t => t.Status == status)
            : query.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        if (!string.IsNullOrEmpty(filter.Queue))
        {
            query = query.Where(t => t.Queue == filter.Queue);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(t => t.Level == level);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            query = query.Where(t => t.Language == filter.Language);
        }

        if (filter.MineOnly)
        {
            query = query.Where(t => t.AssigneeId == agentId);
        }

        var tickets = await query.OrderByDescending(t => t.Id).Take(MaxRows).ToListAsync(cancellationToken);
        var numbers = tickets.Select(t => t.Number).ToList();
        var owners = await db.ConversationOwners.AsNoTracking()
            .Where(o => o.TicketNumber != null && numbers.Contains(o.TicketNumber))
            .ToDictionaryAsync(o => o.TicketNumber!, cancellationToken);
        return Sort(tickets.Select(t =>
        {
            owners.TryGetValue(t.Number, out var owner);
            return new QueueItem(
                t.Number, t.Subject, t.Customer?.Name, t.Queue, t.Level, t.Status, t.Priority, t.Language, t.AssigneeId,
                owner?.AgentName, owner?.Owner, DueAt(t), t.CreatedAt);
        }));
    }

    /// <summary>The distinct queues and languages present, for the filter drop-downs.</summary>
    public async Task<(IReadOnlyList<string> Queues, IReadOnlyList<string> Languages)> ListFilterValuesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var queues = await db.Tickets.AsNoTracking().Where(t => t.Queue != null).Select(t => t.Queue!).Distinct().OrderBy(q => q).ToListAsync(cancellationToken);
        var languages = await db.Tickets.AsNoTracking().Where(t => t.Language != null).Select(t => t.Language!).Distinct().OrderBy(l => l).ToListAsync(cancellationToken);
        return (queues, languages);
    }

    /// <summary>The deadline that matters now: the first response until someone answered, then the resolution.</summary>
    public static DateTimeOffset? DueAt(TicketRow ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.FirstRespondedAt is null ? ticket.FirstResponseDueAt ?? ticket.ResolutionDueAt : ticket.ResolutionDueAt;
    }

    /// <summary>Earliest deadline first (none last), then P1 before P4, then oldest first.</summary>
    public static IReadOnlyList<QueueItem> Sort(IEnumerable<QueueItem> items) =>
        [.. items.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Priority).ThenBy(i => i.CreatedAt)];
}
