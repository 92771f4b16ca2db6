using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>What it takes to create an agent account.</summary>
public sealed record NewAgent(string Email, string Name, string Password, AgentRole Role, SupportLevel Level = SupportLevel.Second)
{
    /// <summary>Queues the agent works; empty means every queue.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];
}
