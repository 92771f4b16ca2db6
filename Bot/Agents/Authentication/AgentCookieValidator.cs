using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FirstLine.Bot.Agents.Authentication;

/// <summary>
/// Ends a console session at its next request when the agent was disabled, deleted or changed their password
/// (the security stamp in the cookie no longer matches), and counts the request as presence.
/// </summary>
internal sealed class AgentCookieValidator(AgentDirectory directory, AgentPresence presence)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (principal is null || !AgentIds.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            context.RejectPrincipal();
            return;
        }

        var current = await directory.FindForSessionAsync(id, cancellationToken);
        if (current is not { } found || found.Account.Disabled || found.Stamp != principal.FindFirstValue(AgentClaims.SecurityStamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AgentAuthentication.CookieScheme);
            return;
        }

        await presence.TouchAsync(id, cancellationToken);
    }
}
