using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>API keys for the REST API: created (shown once), listed, revoked, checked.</summary>
public sealed partial class ApiKeys(IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time, ILogger<ApiKeys> logger)
{
    /// <summary>Writing "last used" on every request would make every API call a write; once a minute is enough.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, AgentRole role, SupportLevel level, string? createdBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 128)
        {
            throw new AgentValidationException("An API key needs a name of 1 to 128 characters, e.g. 'monitoring'.");
        }

        if (level is not (SupportLevel.Second or SupportLevel.Third) || !Enum.IsDefined(role))
        {
            throw new AgentValidationException("An API key has the role Agent or Admin and level 2 or 3.");
        }

        var (keyId, key) = ApiKeyFormat.Generate();
        var row = new ApiKeyRow
        {
            Name = name.Trim(),
            KeyId = keyId,
            Hash = ApiKeyFormat.Hash(key),
            Role = role,
            Level = level,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(row.Id, row.Name, row.Role);
        return new CreatedApiKey(ApiKeyInfo.From(row), key);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ApiKeyInfo.From)];
    }

    /// <summary>False when there is no such key or it was revoked already.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, time.GetUtcNow()), cancellationToken);
        if (revoked == 1)
        {
            LogRevoked(id);
        }

        return revoked == 1;
    }

    /// <summary>The key's details when <paramref name="key"/> is a valid, unrevoked key; otherwise null.</summary>
    public async Task<ApiKeyInfo?> ValidateAsync(string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || !ApiKeyFormat.TryGetKeyId(key, out var keyId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (row is null || row.RevokedAt is not null || !ApiKeyFormat.Matches(key, row.Hash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (row.LastUsedAt is null || now - row.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return ApiKeyInfo.From(row);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} '{Name}' created with role {Role}")]
    private partial void LogCreated(long keyId, string name, AgentRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    private partial void LogRevoked(long keyId);
}
