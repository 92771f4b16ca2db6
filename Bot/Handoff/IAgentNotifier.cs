using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Handoff;

/// <summary>Something agents should see at once.</summary>
public sealed record AgentEvent(AgentEventKind Kind, string TicketNumber, Activity? Activity = null, string? Queue = null);

public enum AgentEventKind
{
    /// <summary>A ticket was handed over to a queue and waits for an agent.</summary>
    TicketQueued,

    /// <summary>A ticket changed (claimed, released, status, priority …).</summary>
    TicketChanged,

    /// <summary>A customer wrote in a conversation a human owns.</summary>
    CustomerMessage,

    /// <summary>A customer is typing in a conversation a human owns.</summary>
    CustomerTyping,

    /// <summary>A ticket's SLA clock passed the warning threshold (<c>Tickets:SlaWatch:WarningThreshold</c>).</summary>
    SlaWarning,

    /// <summary>A ticket missed an SLA target and was escalated; supervisors (admins) are told.</summary>
    SlaBreached,
}

/// <summary>Tells the agents' consoles what happens in their tickets' conversations, live.</summary>
public interface IAgentNotifier
{
    Task PublishAsync(AgentEvent agentEvent, CancellationToken cancellationToken);

    /// <summary>Delivers every event until the subscription is disposed (the console's live updates).</summary>
    IDisposable Subscribe(Func<AgentEvent, Task> onEvent);
}
