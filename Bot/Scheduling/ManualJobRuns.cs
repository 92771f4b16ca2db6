using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>
/// Runs a stored job now, on an admin's request (the console's "Run now"): one extra firing through Quartz, on whichever
/// node is free, recorded like every run. Safe for every FirstLine job: jobs are idempotent, and those marked
/// <see cref="DisallowConcurrentExecutionAttribute"/> wait for a run in progress instead of overlapping it.
/// </summary>
public sealed partial class ManualJobRuns(ISchedulerFactory schedulers, ILogger<ManualJobRuns> logger)
{
    public async Task RunNowAsync(JobKey job, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(job, cancellationToken))
        {
            throw new UnknownJobException(job);
        }

        await scheduler.TriggerJob(job, cancellationToken);
        LogRunNow(job, requestedBy);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} was started now at the request of {RequestedBy}")]
    private partial void LogRunNow(JobKey job, string requestedBy);
}

/// <summary>No job with this key is in the store (a typo, or a one-off job that has finished and is gone).</summary>
public sealed class UnknownJobException : Exception
{
    public UnknownJobException()
    {
    }

    public UnknownJobException(string message)
        : base(message)
    {
    }

    public UnknownJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownJobException(JobKey job)
        : base($"There is no job '{job}' in the scheduler's store.")
    {
    }
}
