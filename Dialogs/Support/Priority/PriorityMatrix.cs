using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Support.Priority;

/// <summary>The ITIL priority matrix: impact × urgency → P1 (critical) … P4 (low).</summary>
public static class PriorityMatrix
{
    public static Desk.Priority Lookup(Impact impact, Urgency urgency) => (impact, urgency) switch
    {
        (Impact.Organization, Urgency.CannotWork) => Desk.Priority.P1,
        (Impact.Organization, Urgency.Impaired) => Desk.Priority.P2,
        (Impact.Organization, Urgency.CanWork) => Desk.Priority.P3,
        (Impact.Team, Urgency.CannotWork) => Desk.Priority.P2,
        (Impact.Team, Urgency.Impaired) => Desk.Priority.P3,
        (Impact.Team, Urgency.CanWork) => Desk.Priority.P4,
        (Impact.Individual, Urgency.CannotWork) => Desk.Priority.P3,
        _ => Desk.Priority.P4,
    };

    /// <summary>One step more urgent, never above P1 nor above <paramref name="ceiling"/>.</summary>
    public static Desk.Priority Raise(Desk.Priority priority, Desk.Priority ceiling = Desk.Priority.P1) =>
        (Desk.Priority)Math.Max((int)ceiling, Math.Max(1, (int)priority - 1)) is var raised && raised < priority ? raised : priority;
}
