namespace FirstLine.Bot.Handoff;

/// <summary>Whether a human agent could take a conversation now.</summary>
public interface IAgentPresence
{
    Task<bool> IsAgentAvailableAsync(string queue, CancellationToken cancellationToken);
}

/// <summary>
/// Presence until the agent console exists: nobody is signed in, so nobody is available and the customer
/// is told honestly when to expect an answer. The agent console replaces this with real sign-in presence.
/// </summary>
internal sealed class NoAgentsSignedIn : IAgentPresence
{
    public Task<bool> IsAgentAvailableAsync(string queue, CancellationToken cancellationToken) => Task.FromResult(false);
}
