using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>Which of a ticket's two SLA clocks.</summary>
public enum SlaKind
{
    FirstResponse,
    Resolution,
}

/// <summary>
/// A ticket's SLA clocks, counted in business hours from when they started: they stand still while the ticket
/// is Pending on the customer (the due times move out by the paused business time when it resumes), start over
/// when the ticket is reopened, and follow the priority's targets (<c>Tickets:Sla</c>) when it changes.
/// </summary>
public sealed class SlaClock(BusinessHours hours, IOptions<TicketOptions> options)
{
    /// <summary>Starts both clocks at <paramref name="now"/>: a new ticket, or a reopened one.</summary>
    public void Start(TicketRow ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.SlaStartedAt = now;
        ticket.SlaPausedSince = null;
        ticket.SlaPausedFor = TimeSpan.Zero;
        ticket.FirstResponseWarnedAt = null;
        ticket.ResolutionWarnedAt = null;
        ticket.FirstResponseBreachedAt = null;
        ticket.ResolutionBreachedAt = null;
        ticket.PendingReminderSentAt = null;
        SetDueTimes(ticket);
    }

    /// <summary>What a status change (from <paramref name="from"/> to the ticket's status now) does to the clocks.</summary>
    public void OnStatusChanged(TicketRow ticket, TicketStatus from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (from == TicketStatus.Pending && ticket.SlaPausedSince is { } since)
        {
            ticket.SlaPausedFor += hours.Between(since, now);
            ticket.SlaPausedSince = null;
            SetDueTimes(ticket);
        }

        switch (ticket.Status)
        {
            case TicketStatus.Pending:
                ticket.SlaPausedSince = now;
                ticket.PendingReminderSentAt = null;
                break;
            case TicketStatus.Reopened:
                // The customer is waiting again: an agent owes them a new first response and a new resolution.
                ticket.FirstRespondedAt = null;
                Start(ticket, now);
                break;
        }
    }

    /// <summary>The new priority's targets apply from the clocks' start; warnings are given again for them.</summary>
    public void OnPriorityChanged(TicketRow ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ticket.FirstResponseWarnedAt = null;
        ticket.ResolutionWarnedAt = null;
        SetDueTimes(ticket);
    }

    public TimeSpan Target(TicketRow ticket, SlaKind kind)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var target = options.Value.Sla[ticket.Priority];
        return kind == SlaKind.FirstResponse ? target.FirstResponse : target.Resolution;
    }

    /// <summary>When <paramref name="share"/> (0-1) of the clock's target is used up, pauses so far included.</summary>
    public DateTimeOffset MomentAt(TicketRow ticket, SlaKind kind, double share)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return hours.Add(ticket.SlaStartedAt ?? ticket.CreatedAt, (Target(ticket, kind) * share) + ticket.SlaPausedFor);
    }

    private void SetDueTimes(TicketRow ticket)
    {
        ticket.FirstResponseDueAt = MomentAt(ticket, SlaKind.FirstResponse, 1);
        ticket.ResolutionDueAt = MomentAt(ticket, SlaKind.Resolution, 1);
    }
}
