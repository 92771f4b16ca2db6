using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>What one run of the SLA watch did.</summary>
public sealed record SlaWatchResult(int Warnings, int Breaches);

/// <summary>
/// Looks at every running SLA clock of the tickets agents work on (level 2 and 3, not Pending): at the warning
/// threshold the agents are told; when a target is missed the ticket is marked breached, raised a level or re-queued
/// as configured, and the supervisors are told. Each warning and breach is handled once (the ticket keeps when), and
/// every step is on the ticket's audit trail.
/// </summary>
public sealed partial class SlaWatch(
    IDbContextFactory<FirstLineDbContext> contexts,
    SlaClock clock,
    SlaEscalation escalation,
    IOptions<SlaWatchOptions> options,
    TimeProvider time,
    ILogger<SlaWatch> logger)
{
    public const string Actor = "sla-watch";

    public async Task<SlaWatchResult> RunAsync(CancellationToken cancellationToken)
    {
        var warnings = 0;
        var breaches = 0;
        foreach (var ticket in await RunningClocksAsync(cancellationToken))
        {
            foreach (var kind in Enum.GetValues<SlaKind>())
            {
                switch (Check(ticket, kind, time.GetUtcNow()))
                {
                    case SlaState.Breached when await escalation.BreachAsync(ticket.Number, kind, cancellationToken):
                        breaches++;
                        LogBreached(ticket.Number, kind);
                        break;
                    case SlaState.Warning when await escalation.WarnAsync(ticket.Number, kind, cancellationToken):
                        warnings++;
                        LogWarned(ticket.Number, kind);
                        break;
                }
            }
        }

        return new SlaWatchResult(warnings, breaches);
    }

    /// <summary>Whether the clock of <paramref name="kind"/> needs a warning or a breach now (and has not had it).</summary>
    public SlaState Check(TicketRow ticket, SlaKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var running = ticket.SlaPausedSince is null && TicketLifecycle.IsActive(ticket.Status) && ticket.Status != TicketStatus.Pending
            && (kind == SlaKind.Resolution || ticket.FirstRespondedAt is null);
        if (!running)
        {
            return SlaState.Fine;
        }

        var (due, warned, breached) = kind == SlaKind.FirstResponse
            ? (ticket.FirstResponseDueAt, ticket.FirstResponseWarnedAt, ticket.FirstResponseBreachedAt)
            : (ticket.ResolutionDueAt, ticket.ResolutionWarnedAt, ticket.ResolutionBreachedAt);
        if (breached is not null || due is null)
        {
            return SlaState.Fine;
        }

        if (now >= due)
        {
            return SlaState.Breached;
        }

        return warned is null && now >= clock.MomentAt(ticket, kind, options.Value.WarningThreshold) ? SlaState.Warning : SlaState.Fine;
    }

    private async Task<List<TicketRow>> RunningClocksAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking()
            .Where(t => t.Level != SupportLevel.Bot
                && (t.Status == TicketStatus.New || t.Status == TicketStatus.Open || t.Status == TicketStatus.Reopened)
                && t.ResolutionBreachedAt == null)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA watch: ticket {TicketNumber} is close to its {Kind} target; agents were told")]
    private partial void LogWarned(string ticketNumber, SlaKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA watch: ticket {TicketNumber} missed its {Kind} target; escalated and supervisors told")]
    private partial void LogBreached(string ticketNumber, SlaKind kind);
}

public enum SlaState
{
    Fine,
    Warning,
    Breached,
}
