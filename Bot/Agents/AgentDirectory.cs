using System.Net.Mail;
using System.Security.Cryptography;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>The agent accounts: create, find, list, change password, disable.</summary>
public sealed partial class AgentDirectory(
    IDbContextFactory<FirstLineDbContext> contexts,
    AgentPasswords passwords,
    TimeProvider time,
    ILogger<AgentDirectory> logger)
{
    public async Task<AgentAccount> CreateAsync(NewAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var email = agent.Email?.Trim() ?? string.Empty;
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            throw new AgentValidationException($"'{agent.Email}' is not a valid e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(agent.Name) || agent.Name.Trim().Length > 256)
        {
            throw new AgentValidationException("The agent needs a name of 1 to 256 characters.");
        }

        if (agent.Level is not (SupportLevel.Second or SupportLevel.Third))
        {
            throw new AgentValidationException("An agent works at level 2 or 3.");
        }

        if (!Enum.IsDefined(agent.Role))
        {
            throw new AgentValidationException("The role must be Agent or Admin.");
        }

        AgentPasswords.EnsureAcceptable(agent.Password);
        var normalized = AgentIds.NormalizeEmail(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Agents.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
        {
            throw new AgentAlreadyExistsException(email);
        }

        var row = new AgentRow
        {
            Email = email,
            NormalizedEmail = normalized,
            Name = agent.Name.Trim(),
            Role = agent.Role,
            Level = agent.Level,
            PasswordHash = passwords.Hash(agent.Password),
            Queues = AgentIds.JoinQueues(agent.Queues),
            SecurityStamp = NewStamp(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Agents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a concurrent creation of the same address.
            throw new AgentAlreadyExistsException(email);
        }

        LogCreated(row.Id, row.Role, row.Level);
        return AgentAccount.From(row);
    }

    public async Task<AgentAccount?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : AgentAccount.From(row);
    }

    /// <summary>Finds an agent by id (<c>"7"</c>) or e-mail address.</summary>
    public async Task<AgentAccount?> FindAsync(string idOrEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrEmail);
        if (AgentIds.TryParse(idOrEmail, out var id))
        {
            return await FindAsync(id, cancellationToken);
        }

        var normalized = AgentIds.NormalizeEmail(idOrEmail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        return row is null ? null : AgentAccount.From(row);
    }

    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Agents.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(AgentAccount.From)];
    }

    public async Task SetPasswordAsync(long id, string password, CancellationToken cancellationToken)
    {
        AgentPasswords.EnsureAcceptable(password);
        var hash = passwords.Hash(password);
        await UpdateAsync(id, a => { a.PasswordHash = hash; a.FailedSignIns = 0; a.LockedUntil = null; }, endSessions: true, cancellationToken);
    }

    /// <summary>A disabled agent cannot sign in, and their open console sessions stop at the next request.</summary>
    public Task SetDisabledAsync(long id, bool disabled, CancellationToken cancellationToken) =>
        UpdateAsync(id, a => a.Disabled = disabled, endSessions: true, cancellationToken);

    public Task SetQueuesAsync(long id, IEnumerable<string> queues, CancellationToken cancellationToken) =>
        UpdateAsync(id, a => a.Queues = AgentIds.JoinQueues(queues), endSessions: false, cancellationToken);

    /// <summary>The security stamp a console cookie must carry to stay valid.</summary>
    internal async Task<(AgentAccount Account, string Stamp)?> FindForSessionAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : (AgentAccount.From(row), row.SecurityStamp);
    }

    private async Task UpdateAsync(long id, Action<AgentRow> change, bool endSessions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new AgentValidationException($"There is no agent {id}.");
        change(row);
        if (endSessions)
        {
            row.SecurityStamp = NewStamp();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string NewStamp() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} created with role {Role} at level {Level}")]
    private partial void LogCreated(long agentId, AgentRole role, SupportLevel level);
}
