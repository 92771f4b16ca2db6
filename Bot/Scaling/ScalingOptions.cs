namespace FirstLine.Bot.Scaling;

/// <summary>The <c>Scaling</c> section: how identical FirstLine nodes behind a load balancer act as one desk.</summary>
public sealed class ScalingOptions
{
    public const string SectionName = "Scaling";

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>redis.internal:6379,password=…</c>). Set, every node fans out
    /// Direct Line and agent-console events through Redis pub/sub and holds a conversation's turn with a Redis lock;
    /// empty (the default), a single node keeps all of it in-process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and channel, so several FirstLine installations can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "firstline";

    /// <summary>
    /// How long a node holds a conversation's turn lock without renewing it; renewed every third of it while the
    /// turn runs. A node that dies mid-turn blocks that conversation at most this long.
    /// </summary>
    public TimeSpan TurnLockLease { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
