namespace FirstLine.Bot.Tickets.Sla;

/// <summary>The <c>Tickets:SlaWatch</c> section: when agents are warned and what a missed target does.</summary>
public sealed class SlaWatchOptions
{
    public const string SectionName = "Tickets:SlaWatch";

    /// <summary>Share of a target (0-1, exclusive) after which agents are warned, e.g. 0.8 = at 80 %.</summary>
    public double WarningThreshold { get; set; } = 0.8;

    /// <summary>What happens to a ticket whose target was missed.</summary>
    public SlaBreachAction OnBreach { get; set; } = SlaBreachAction.RaiseLevel;

    /// <summary>Also told of every breach by email (through the outbox of the first mailbox), when email is configured.</summary>
    public string? SupervisorEmail { get; set; }
}

public enum SlaBreachAction
{
    /// <summary>Level 2 goes to level 3 (level 3 is re-queued), unassigned, back in its queue.</summary>
    RaiseLevel,

    /// <summary>Unassigned and back in its queue at the same level, for the next free agent.</summary>
    Requeue,

    /// <summary>Marked and announced only.</summary>
    NotifyOnly,
}
