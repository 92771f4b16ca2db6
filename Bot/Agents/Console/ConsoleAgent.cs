using System.Security.Claims;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents.Console;

/// <summary>The signed-in agent as the console sees them: who, which level, and what they may touch.</summary>
public sealed record ConsoleAgent(string Id, string Name, SupportLevel Level, bool IsAdmin)
{
    public AgentIdentity Identity => new(Id, Name, Level);

    /// <summary>How the agent appears in audit trails and logs.</summary>
    public string Actor => $"agent:{Id}";

    /// <summary>A level-2 agent works on level-2 tickets (and the bot's); level 3 and admins on everything (as <see cref="AgentClaims.MayWorkAt"/>).</summary>
    public bool MayActOn(SupportLevel ticketLevel) => IsAdmin || Level >= ticketLevel;

    public static ConsoleAgent? FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return new ConsoleAgent(id, user.FindFirstValue(ClaimTypes.Name) ?? id, user.GetLevel(), user.IsAdmin());
    }
}
