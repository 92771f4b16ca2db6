using System.Globalization;
using System.Security.Claims;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents.Authentication;

/// <summary>The claims an agent or API key carries, and how to read them back.</summary>
public static class AgentClaims
{
    public const string Level = "firstline:level";

    /// <summary>How the caller appears on the audit trail: <c>agent:7</c> or <c>apikey:3</c>.</summary>
    public const string Actor = "firstline:actor";

    public const string SecurityStamp = "firstline:stamp";

    public static ClaimsPrincipal ForAgent(AgentAccount agent, string securityStamp, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, agent.AgentId),
                new Claim(ClaimTypes.Name, agent.Name),
                new Claim(ClaimTypes.Email, agent.Email),
                new Claim(ClaimTypes.Role, agent.Role.ToString()),
                new Claim(Level, ((int)agent.Level).ToString(CultureInfo.InvariantCulture)),
                new Claim(Actor, $"agent:{agent.AgentId}"),
                new Claim(SecurityStamp, securityStamp),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static ClaimsPrincipal ForApiKey(ApiKeyInfo key, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = $"apikey:{key.Id.ToString(CultureInfo.InvariantCulture)}";
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, key.Role.ToString()),
                new Claim(Level, ((int)key.Level).ToString(CultureInfo.InvariantCulture)),
                new Claim(Actor, id),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in agent's id (<c>"7"</c>), or the key's (<c>"apikey:3"</c>).</summary>
    public static string GetAgentId(this ClaimsPrincipal principal) =>
        principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");

    public static string GetActor(this ClaimsPrincipal principal) =>
        principal?.FindFirstValue(Actor) ?? throw new InvalidOperationException("The caller is not signed in.");

    public static SupportLevel GetLevel(this ClaimsPrincipal principal) =>
        int.TryParse(principal?.FindFirstValue(Level), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((SupportLevel)level)
            ? (SupportLevel)level
            : SupportLevel.Second;

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal?.IsInRole(nameof(AgentRole.Admin)) == true;

    /// <summary>May act on a ticket at <paramref name="level"/>: level 3 needs a level-3 agent or an admin.</summary>
    public static bool MayWorkAt(this ClaimsPrincipal principal, SupportLevel level) =>
        level != SupportLevel.Third || principal.GetLevel() == SupportLevel.Third || principal.IsAdmin();

    /// <summary>What <see cref="AgentConversations"/> needs to act for the signed-in agent.</summary>
    public static AgentIdentity ToAgentIdentity(this ClaimsPrincipal principal) =>
        new(principal.GetAgentId(), principal?.Identity?.Name ?? "Agent", principal!.GetLevel());
}
