namespace FirstLine.Bot.Handoff;

/// <summary>
/// Another way to reach a customer who has left the channel their conversation is on (email, when they gave an
/// address). The channel module that provides it registers it; none registered means there is no other way.
/// </summary>
public interface ICustomerFallbackChannel
{
    /// <summary>Also sends an agent's text another way when the customer of the ticket seems to have left.</summary>
    /// <returns>where it went (for the log), or null when it was not needed or not possible</returns>
    Task<string?> ReachIfAbsentAsync(string ticketNumber, AgentIdentity agent, string text, CancellationToken cancellationToken);
}
