using System.Text.Json.Serialization;

namespace FirstLine.Bot.Scheduling;

/// <summary>The last run of one job and its failure counts: what <c>/api/jobs</c> and the console show next to Quartz's schedule.</summary>
public sealed class JobStatusRow
{
    public required string JobGroup { get; set; }

    public required string JobName { get; set; }

    public DateTimeOffset? LastStartedAt { get; set; }

    public DateTimeOffset? LastFinishedAt { get; set; }

    public long? LastDurationMs { get; set; }

    public JobOutcome? LastOutcome { get; set; }

    /// <summary>The last run's summary (<see cref="JobResult.Summary"/>) or, after a failure, the error message.</summary>
    public string? LastResult { get; set; }

    /// <summary>The last error, kept after later successes so an admin can still see what went wrong.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Failures since the last success; 0 when the job is healthy.</summary>
    public int ConsecutiveFailures { get; set; }

    public long TotalRuns { get; set; }

    public long TotalFailures { get; set; }

    /// <summary>The scheduler instance (node) that ran the job last.</summary>
    public string? LastRunBy { get; set; }
}

/// <summary>How a run ended (a string in JSON).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobOutcome>))]
public enum JobOutcome
{
    Succeeded,
    Failed,

    /// <summary>Stopped by shutdown or interruption; not a failure.</summary>
    Cancelled,
}
