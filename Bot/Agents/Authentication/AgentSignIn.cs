using FirstLine.Bot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents.Authentication;

/// <summary>
/// Checks an agent's e-mail and password with lockout after repeated failures, and issues or removes the
/// console cookie. The console's sign-in page (a form post with antiforgery) calls
/// <see cref="SignInAsync(HttpContext, string, string, CancellationToken)"/>.
/// </summary>
public sealed partial class AgentSignIn(
    IDbContextFactory<FirstLineDbContext> contexts,
    AgentPasswords passwords,
    AgentPresence presence,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<AgentSignIn> logger)
{
    /// <summary>Verifies the credentials; on success the result carries the principal for the cookie.</summary>
    public async Task<AgentSignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = AgentIds.NormalizeEmail(email ?? string.Empty);
        password ??= string.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var now = time.GetUtcNow();
        if (agent is null)
        {
            passwords.VerifyDecoy(password);
            LogUnknownEmail();
            return new AgentSignInResult(AgentSignInStatus.InvalidCredentials);
        }

        if (agent.LockedUntil > now)
        {
            LogLockedOut(agent.Id, agent.LockedUntil.Value);
            return new AgentSignInResult(AgentSignInStatus.LockedOut, LockedUntil: agent.LockedUntil);
        }

        var verification = passwords.Verify(agent.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            return await RecordFailureAsync(db, agent, now, cancellationToken);
        }

        if (agent.Disabled)
        {
            LogDisabled(agent.Id);
            return new AgentSignInResult(AgentSignInStatus.Disabled);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent.PasswordHash = passwords.Hash(password);
        }

        agent.FailedSignIns = 0;
        agent.FirstFailedSignInAt = null;
        agent.LockedUntil = null;
        agent.LastSignInAt = now;
        agent.LastSeenAt = now;
        await db.SaveChangesAsync(cancellationToken);
        LogSignedIn(agent.Id);
        var account = AgentAccount.From(agent);
        return new AgentSignInResult(AgentSignInStatus.Succeeded, account, AgentClaims.ForAgent(account, agent.SecurityStamp, AgentAuthentication.CookieScheme));
    }

    /// <summary>Verifies the credentials and, when they are right, sets the console cookie on the response.</summary>
    public async Task<AgentSignInResult> SignInAsync(HttpContext httpContext, string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = await SignInAsync(email, password, cancellationToken);
        if (result.Succeeded)
        {
            await httpContext.SignInAsync(
                AgentAuthentication.CookieScheme,
                result.Principal!,
                new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        }

        return result;
    }

    /// <summary>Removes the cookie; the agent no longer counts as present.</summary>
    public async Task SignOutAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (AgentIds.TryParse(httpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id))
        {
            await presence.SignOffAsync(id, cancellationToken);
        }

        await httpContext.SignOutAsync(AgentAuthentication.CookieScheme);
    }

    private async Task<AgentSignInResult> RecordFailureAsync(FirstLineDbContext db, AgentRow agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockout = options.Value.Lockout;

        // Count atomically, so parallel guesses cannot each see "4 failures" and all slip through.
        await db.Agents.Where(a => a.Id == agent.Id && (a.FirstFailedSignInAt == null || a.FirstFailedSignInAt < now - lockout.Window))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.FirstFailedSignInAt, now), cancellationToken);
        await db.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1), cancellationToken);
        var failures = await db.Agents.Where(a => a.Id == agent.Id).Select(a => a.FailedSignIns).FirstAsync(cancellationToken);
        if (failures < lockout.MaxFailedAttempts)
        {
            LogFailed(agent.Id, failures);
            return new AgentSignInResult(AgentSignInStatus.InvalidCredentials);
        }

        var until = now + lockout.Duration;
        await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.LockedUntil, until).SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.FirstFailedSignInAt, (DateTimeOffset?)null),
            cancellationToken);
        LogLocked(agent.Id, failures, until);
        return new AgentSignInResult(AgentSignInStatus.LockedOut, LockedUntil: until);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} signed in")]
    private partial void LogSignedIn(long agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in with an unknown e-mail address")]
    private partial void LogUnknownEmail();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for agent {AgentId} ({Failures} in the window)")]
    private partial void LogFailed(long agentId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} locked out after {Failures} failed sign-ins until {Until}")]
    private partial void LogLocked(long agentId, int failures, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for agent {AgentId}: locked out until {Until}")]
    private partial void LogLockedOut(long agentId, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for disabled agent {AgentId}")]
    private partial void LogDisabled(long agentId);
}
