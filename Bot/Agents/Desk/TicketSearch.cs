using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>
/// The queue as agents see it: filtered, the most urgent first (the SLA due time that matters now — first
/// response until answered, then resolution — then priority), paged with a total.
/// </summary>
public sealed class TicketSearch(IDbContextFactory<FirstLineDbContext> contexts)
{
    public const int MaxPageSize = 200;

    /// <summary>One page (1-based <paramref name="page"/>, <paramref name="pageSize"/> up to <see cref="MaxPageSize"/>) of the matching tickets.</summary>
    public async Task<TicketPage> SearchAsync(TicketFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Tickets.AsNoTracking(), filter, TextSearch.For(db));
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(t => t.FirstRespondedAt == null ? t.FirstResponseDueAt : t.ResolutionDueAt)
            .ThenBy(t => t.Priority)
            .ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Include(t => t.Customer)
            .ToListAsync(cancellationToken);
        return new TicketPage(items, total, page, pageSize);
    }

    private static IQueryable<TicketRow> Apply(IQueryable<TicketRow> query, TicketFilter filter, TextSearch text)
    {
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            query = query.Where(t => statuses.Contains(t.Status));
        }

        if (!string.IsNullOrWhiteSpace(filter.Queue))
        {
            var queue = filter.Queue.Trim().ToLowerInvariant();
            query = query.Where(t => t.Queue != null && t.Queue.ToLower() == queue);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(t => t.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            // "de" matches "de" and "de-DE".
            var language = filter.Language.Trim().ToLowerInvariant();
            var prefix = language + "-";
            query = query.Where(t => t.Language != null && (t.Language.ToLower() == language || t.Language.ToLower().StartsWith(prefix)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Assignee))
        {
            var assignee = filter.Assignee.Trim();
            query = assignee == TicketFilter.Unassigned ? query.Where(t => t.AssigneeId == null) : query.Where(t => t.AssigneeId == assignee);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            query = query.Where(text.ContainsIgnoringCase<TicketRow>(
                filter.Text.Trim(), t => t.Number, t => t.Subject, t => t.Description, t => t.Customer!.Name, t => t.Customer!.Email));
        }

        return query;
    }
}
