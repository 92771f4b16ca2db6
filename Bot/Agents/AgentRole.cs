namespace FirstLine.Bot.Agents;

/// <summary>What an agent may do: <see cref="Agent"/> works tickets, <see cref="Admin"/> also manages the desk.</summary>
public enum AgentRole
{
    Agent,
    Admin,
}
