using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>An agent as the console and the API show them (never the password hash).</summary>
public sealed record AgentAccount(
    long Id,
    string Email,
    string Name,
    AgentRole Role,
    SupportLevel Level,
    IReadOnlyList<string> Queues,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LastSeenAt)
{
    /// <summary>The id used for ticket assignees and conversation owners.</summary>
    public string AgentId => AgentIds.Format(Id);

    /// <summary>What the handoff services need to act for this agent.</summary>
    public AgentIdentity Identity => new(AgentId, Name, Level);

    internal static AgentAccount From(AgentRow row) => new(
        row.Id,
        row.Email,
        row.Name,
        row.Role,
        row.Level,
        AgentIds.ParseQueues(row.Queues),
        row.Disabled,
        row.CreatedAt,
        row.LastSignInAt,
        row.LastSeenAt);
}
