namespace FirstLine.Dialogs.Support.Desk;

/// <summary>ITIL priority: impact × urgency, raised by clear signals; the reasons are kept for the agent.</summary>
/// <param name="Priority">P1 (critical) to P4 (low)</param>
/// <param name="Impact">how many are affected</param>
/// <param name="Urgency">how badly work is held up</param>
/// <param name="Rationale">why, one reason per signal, in the order they were applied</param>
public sealed record PriorityAssessment(Priority Priority, Impact Impact, Urgency Urgency, IReadOnlyList<PriorityReason> Rationale);

public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

public enum Impact
{
    /// <summary>Just the customer.</summary>
    Individual,

    /// <summary>The customer's team or several people.</summary>
    Team,

    /// <summary>The whole company or a site.</summary>
    Organization,
}

public enum Urgency
{
    /// <summary>The customer can work normally.</summary>
    CanWork,

    /// <summary>The customer can work, but with difficulty.</summary>
    Impaired,

    /// <summary>The customer cannot work.</summary>
    CannotWork,
}

/// <summary>One reason behind a priority.</summary>
/// <param name="Factor">what kind of signal</param>
/// <param name="Detail">the evidence in plain English, e.g. the words the customer used</param>
public sealed record PriorityReason(PriorityFactor Factor, string Detail);

public enum PriorityFactor
{
    ImpactFromText,
    ImpactAnswered,
    ImpactAssumed,
    UrgencyFromText,
    UrgencyAnswered,
    UrgencyAssumed,
    Matrix,
    OutageWords,
    ManyAffected,
    StrongFrustration,
    GuidedFlowHint,
    ServiceRequest,
}
