namespace FirstLine.Dialogs.Support.Desk;

/// <summary>What the bot hands to level 2; the transcript is attached by Bot from its transcript store.</summary>
/// <param name="Queue">the team, e.g. <c>network</c>; <see cref="SupportQueues.General"/> when no article fits</param>
/// <param name="Priority">priority with its rationale</param>
/// <param name="Reason">why the bot hands over</param>
/// <param name="Diagnosis">what the bot found out (from a guided flow, or the articles tried)</param>
/// <param name="Summary">a few lines for the agent: the problem, what was tried, what the customer said</param>
public sealed record HandoffRequest(string Queue, PriorityAssessment Priority, HandoffReason Reason, string Diagnosis, string Summary);

public enum HandoffReason
{
    /// <summary>The customer asked for a human.</summary>
    CustomerAsked,

    /// <summary>No article fits the request.</summary>
    NoArticleFound,

    /// <summary>The articles and flows tried did not help.</summary>
    SolutionsFailed,

    /// <summary>A guided flow ended in "escalate" with a diagnosis.</summary>
    FlowEscalated,

    /// <summary>The bot could not understand the customer after several tries.</summary>
    NotUnderstood,
}

/// <summary>Whether a human can take over now, and when to expect an answer otherwise.</summary>
public sealed record AgentAvailability(bool AgentAvailableNow, TimeSpan? ExpectedResponse);

/// <summary>What to tell the customer after a handoff.</summary>
/// <param name="TicketNumber">the ticket number</param>
/// <param name="AgentAvailableNow">an agent will join the conversation shortly</param>
/// <param name="ExpectedResponse">the expected time to a first answer (the SLA target); null when unknown</param>
public sealed record HandoffReceipt(string TicketNumber, bool AgentAvailableNow, TimeSpan? ExpectedResponse);

/// <summary>Queue names the dialogs use on their own, when no article names one.</summary>
public static class SupportQueues
{
    public const string General = "servicedesk";
}
