using System.Security.Claims;

namespace FirstLine.Bot.Agents.Authentication;

public enum AgentSignInStatus
{
    Succeeded,

    /// <summary>Unknown e-mail or wrong password (deliberately not told apart).</summary>
    InvalidCredentials,

    /// <summary>Too many failed attempts; see <see cref="AgentSignInResult.LockedUntil"/>.</summary>
    LockedOut,

    Disabled,
}

/// <summary>The outcome of a sign-in, with the principal to put into the cookie when it succeeded.</summary>
public sealed record AgentSignInResult(AgentSignInStatus Status, AgentAccount? Agent = null, ClaimsPrincipal? Principal = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == AgentSignInStatus.Succeeded;

    /// <summary>A message the sign-in page can show as it is (English; the console localises by <see cref="Status"/>).</summary>
    public string Message => Status switch
    {
        AgentSignInStatus.Succeeded => "Signed in.",
        AgentSignInStatus.LockedOut => $"Too many failed sign-ins. Try again after {LockedUntil:u}.",
        AgentSignInStatus.Disabled => "This account is disabled. Ask an admin.",
        _ => "E-mail address or password is wrong.",
    };
}
