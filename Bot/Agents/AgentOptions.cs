namespace FirstLine.Bot.Agents;

/// <summary>The <c>Agents</c> section: sign-in limits, presence, REST API limits (business hours: <see cref="Tickets.Sla.BusinessHoursOptions"/>).</summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agents";

    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>An agent counts as present this long after their console's last heartbeat.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a console sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Largest internal note, in UTF-8 bytes; bigger ones are refused with 413.</summary>
    public int MaxNoteBytes { get; set; } = 100 * 1024;

    /// <summary>Largest reply to a customer, in characters.</summary>
    public int MaxReplyChars { get; set; } = 20_000;

    public ReplyRetryOptions Replies { get; set; } = new();
}

/// <summary>Failed sign-ins: <see cref="MaxFailedAttempts"/> within <see cref="Window"/> lock the account for <see cref="Duration"/>.</summary>
public sealed class LockoutOptions
{
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Replies that could not reach the customer are kept and tried again.</summary>
public sealed class ReplyRetryOptions
{
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxAttempts { get; set; } = 30;
}
