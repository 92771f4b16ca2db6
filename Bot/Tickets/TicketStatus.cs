namespace FirstLine.Bot.Tickets;

/// <summary>Where a ticket is in its life.</summary>
public enum TicketStatus
{
    New,
    Open,
    Pending,
    Resolved,
    Closed,
    Reopened,
}

/// <summary>ITIL priority: P1 (critical) to P4 (low).</summary>
public enum TicketPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

/// <summary>The support level working on a ticket: 1 is the bot, 2 and 3 are human agents.</summary>
public enum SupportLevel
{
    Bot = 1,
    Second = 2,
    Third = 3,
}

/// <summary>The lifecycle rules, in one place: which status may follow which.</summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.Reopened],
        [TicketStatus.Closed] = [TicketStatus.Reopened],
        [TicketStatus.Reopened] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed],
    };

    public static IReadOnlyList<TicketStatus> AllowedAfter(TicketStatus current) => Allowed[current];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    /// <summary>Still being worked on (counts for SLA and queues).</summary>
    public static bool IsActive(TicketStatus status) => status is TicketStatus.New or TicketStatus.Open or TicketStatus.Pending or TicketStatus.Reopened;
}
