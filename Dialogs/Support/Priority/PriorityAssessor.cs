using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Support.Priority;

/// <summary>
/// Turns what is known about a request into an ITIL priority with its reasons. Impact and urgency come from
/// the customer's words or answers (or an assumption, which is said so); clear signals then raise it.
/// </summary>
public static class PriorityAssessor
{
    public static PriorityAssessment Assess(PriorityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var reasons = new List<PriorityReason> { inputs.ImpactReason, inputs.UrgencyReason };
        var priority = PriorityMatrix.Lookup(inputs.Impact, inputs.Urgency);
        reasons.Add(new PriorityReason(PriorityFactor.Matrix, $"impact {inputs.Impact} × urgency {inputs.Urgency} = {priority}"));

        if (TextSignals.OutageWords(inputs.CustomerText) is { } outage && Raise(ref priority, Desk.Priority.P1))
        {
            reasons.Add(new PriorityReason(PriorityFactor.OutageWords, $"raised to {priority}: the customer reports an outage (\"{outage}\")"));
        }

        if (inputs.Impact != Impact.Organization && TextSignals.ManyAffected(inputs.CustomerText) is { } many
            && Raise(ref priority, Desk.Priority.P2))
        {
            reasons.Add(new PriorityReason(PriorityFactor.ManyAffected, $"raised to {priority}: many people affected (\"{many}\")"));
        }

        // Anger alone must not make a P1: it raises at most to P2.
        if (inputs.StrongFrustration is { } frustration && Raise(ref priority, Desk.Priority.P2))
        {
            reasons.Add(new PriorityReason(PriorityFactor.StrongFrustration, $"raised to {priority}: {frustration}"));
        }

        if (inputs.FlowHint is { } hint && hint < priority)
        {
            priority = hint;
            reasons.Add(new PriorityReason(PriorityFactor.GuidedFlowHint, $"raised to {priority}: the guided diagnosis rates it {hint}"));
        }

        return new PriorityAssessment(priority, inputs.Impact, inputs.Urgency, reasons);
    }

    private static bool Raise(ref Desk.Priority priority, Desk.Priority ceiling)
    {
        var raised = PriorityMatrix.Raise(priority, ceiling);
        var changed = raised != priority;
        priority = raised;
        return changed;
    }
}

/// <summary>What a priority is assessed from.</summary>
/// <param name="Impact">how many are affected</param>
/// <param name="ImpactReason">where the impact came from (the text, an answer, an assumption)</param>
/// <param name="Urgency">how badly work is held up</param>
/// <param name="UrgencyReason">where the urgency came from</param>
/// <param name="CustomerText">everything the customer wrote about the request (redacted)</param>
/// <param name="StrongFrustration">why the customer seems very frustrated, or null</param>
/// <param name="FlowHint">the priority a guided flow's escalation step suggests, or null</param>
public sealed record PriorityInputs(
    Impact Impact,
    PriorityReason ImpactReason,
    Urgency Urgency,
    PriorityReason UrgencyReason,
    string CustomerText,
    string? StrongFrustration,
    Desk.Priority? FlowHint);
