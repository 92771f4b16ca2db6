using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>An API key as listed (never the key itself).</summary>
public sealed record ApiKeyInfo(
    long Id,
    string Name,
    AgentRole Role,
    SupportLevel Level,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public bool Revoked => RevokedAt is not null;

    internal static ApiKeyInfo From(ApiKeyRow row) =>
        new(row.Id, row.Name, row.Role, row.Level, row.CreatedAt, row.CreatedBy, row.RevokedAt, row.LastUsedAt);
}

/// <summary>A freshly created key. <see cref="Key"/> is shown this once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
