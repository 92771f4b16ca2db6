using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Support.Conversation;

// How one support dialog starts another. They are stored with the stack as JSON, so they stay plain data.

/// <summary>An article the search found for this request, how sure it was, and whether the customer was offered it.</summary>
internal sealed record CandidateRef(string ArticleId, double Confidence, bool Offered = false);

/// <summary>Start triage with the customer's words.</summary>
/// <param name="Text">what the customer wrote</param>
/// <param name="Continues">the words add to the open request (after "please describe it more") instead of opening a new one</param>
/// <param name="Again">search the open request once more (after a change of language) without new words</param>
internal sealed record TriageOptions(string Text, bool Continues = false, bool Again = false);

/// <summary>Try the candidates in order, from <see cref="Index"/>, with <see cref="Failures"/> so far.</summary>
internal sealed record SolveOptions(List<CandidateRef> Candidates, int Index, int Failures);

/// <summary>Ask the step <see cref="StepId"/> of the article's flow; <see cref="History"/> holds the answers so far.</summary>
internal sealed record FlowOptions(string ArticleId, string StepId, List<FlowStepAnswer> History);

/// <summary>Hand over to level 2.</summary>
/// <param name="Reason">why</param>
/// <param name="Queue">the team; null for the general service desk</param>
/// <param name="Diagnosis">what the bot found out</param>
/// <param name="PriorityHint">P1–P4 from a guided flow's escalation step</param>
internal sealed record EscalationOptions(HandoffReason Reason, string? Queue, string? Diagnosis, string? PriorityHint);

/// <summary>The article that solved the request.</summary>
internal sealed record ResolvedOptions(string ArticleId, string Language, string Title);

/// <summary>Ask how satisfied the customer is with the help on ticket <see cref="TicketNumber"/>, the bot's or a human agent's.</summary>
internal sealed record SatisfactionOptions(string TicketNumber, bool AfterAgent);

/// <summary>How a guided flow ended.</summary>
internal sealed record FlowResult(FlowEnd End, string? Diagnosis, string? PriorityHint, string? Queue, List<FlowStepAnswer> Steps);

internal enum FlowEnd
{
    Solved,
    Escalate,
    NotUnderstood,
}
