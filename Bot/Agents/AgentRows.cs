using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>A 2nd/3rd-level agent who signs in to the console.</summary>
public sealed class AgentRow
{
    public long Id { get; set; }

    public required string Email { get; set; }

    /// <summary>Upper-case invariant e-mail, unique, so sign-in ignores case.</summary>
    public required string NormalizedEmail { get; set; }

    public required string Name { get; set; }

    public AgentRole Role { get; set; }

    public SupportLevel Level { get; set; } = SupportLevel.Second;

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2 with salt and iteration count in the hash).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated queues the agent works; null means every queue.</summary>
    public string? Queues { get; set; }

    public bool Disabled { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? FirstFailedSignInAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes when the password changes or the agent is disabled; cookies carrying an old stamp stop working.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Last heartbeat of the agent's console; drives presence.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}

/// <summary>A key for the REST API. Only a hash of the key is kept; the key itself is shown once.</summary>
public sealed class ApiKeyRow
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The public part of the key, used to find the row without scanning hashes.</summary>
    public required string KeyId { get; set; }

    /// <summary>SHA-256 of the whole key, hex. Keys are 256 random bits, so a fast hash is enough.</summary>
    public required string Hash { get; set; }

    public AgentRole Role { get; set; }

    public SupportLevel Level { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
