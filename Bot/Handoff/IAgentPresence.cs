namespace FirstLine.Bot.Handoff;

/// <summary>
/// Whether a human agent could take a conversation now. Implemented by <c>Agents.AgentPresence</c>: an agent
/// whose console is open and who works the queue, during business hours.
/// </summary>
public interface IAgentPresence
{
    Task<bool> IsAgentAvailableAsync(string queue, CancellationToken cancellationToken);
}
