using System.ComponentModel.DataAnnotations;

namespace FirstLine.Bot.Tickets;

/// <summary>The <c>Tickets</c> section: numbering and SLA targets per priority.</summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    [Required(ErrorMessage = "Tickets:NumberPrefix must not be empty (e.g. 'FL').")]
    [RegularExpression("^[A-Z]{1,6}$", ErrorMessage = "Tickets:NumberPrefix must be 1-6 capital letters, e.g. 'FL'.")]
    public string NumberPrefix { get; set; } = "FL";

    /// <summary>First-response and resolution targets per priority.</summary>
    public Dictionary<TicketPriority, SlaTarget> Sla { get; set; } = new()
    {
        [TicketPriority.P1] = new SlaTarget { FirstResponse = TimeSpan.FromMinutes(15), Resolution = TimeSpan.FromHours(4) },
        [TicketPriority.P2] = new SlaTarget { FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8) },
        [TicketPriority.P3] = new SlaTarget { FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromDays(3) },
        [TicketPriority.P4] = new SlaTarget { FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromDays(5) },
    };
}

public sealed class SlaTarget
{
    public TimeSpan FirstResponse { get; set; }

    public TimeSpan Resolution { get; set; }
}
