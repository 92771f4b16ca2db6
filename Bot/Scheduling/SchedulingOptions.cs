namespace FirstLine.Bot.Scheduling;

/// <summary>The <c>Scheduling</c> section: how the Quartz scheduler runs the desk's jobs.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How many jobs may run at the same time on this node (1–64).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How late a run may start before it counts as missed and the job's misfire policy decides (1 s – 1 h).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>PostgreSQL only: how often a node tells the cluster it is alive; a silent node's jobs move to another (5 s – 5 min).</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);
}
