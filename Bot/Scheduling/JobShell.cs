using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>Runs one firing of a <see cref="ScheduledJob"/>: logs, times, records, and keeps failures inside the job.</summary>
public sealed partial class JobShell(JobStatusStore statuses, TimeProvider time, ILogger<JobShell> logger)
{
    internal async ValueTask RunAsync(IJobExecutionContext context, ScheduledJob job, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key;
        var node = context.Scheduler.SchedulerInstanceId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = key.ToString(), ["FireInstanceId"] = context.FireInstanceId });
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        LogStarted(key, context.Trigger.Key, node, context.ScheduledFireTimeUtc);
        JobResult result;
        try
        {
            result = await job.RunForShellAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = time.GetElapsedTime(started);
            LogCancelled(key, elapsed.TotalMilliseconds);
            await RecordAsync(key, new JobRun(startedAt, elapsed, JobOutcome.Cancelled, "Cancelled (shutdown or interruption).", node));

            // Quartz decides what a cancelled firing becomes (recovery on restart for jobs that request it).
            throw;
        }
        catch (Exception exception)
        {
            var elapsed = time.GetElapsedTime(started);
            var row = await RecordAsync(key, new JobRun(startedAt, elapsed, JobOutcome.Failed, Describe(exception), node));
            var failures = row?.ConsecutiveFailures ?? 1;
            LogFailed(exception, key, elapsed.TotalMilliseconds, failures);
            await HandleFailureAsync(context, job, new JobFailure(exception, failures), cancellationToken);
            return;
        }

        var duration = time.GetElapsedTime(started);
        if (result.DidWork)
        {
            LogFinished(key, duration.TotalMilliseconds, result.Summary);
        }
        else
        {
            LogFinishedIdle(key, duration.TotalMilliseconds, result.Summary);
        }

        await RecordAsync(key, new JobRun(startedAt, duration, JobOutcome.Succeeded, result.Summary, node));
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    /// <summary>Records a run; a database that cannot take the record is logged, never allowed to break the scheduler.</summary>
    private async Task<JobStatusRow?> RecordAsync(JobKey key, JobRun run)
    {
        try
        {
            // Not the job's token: a run that ended during shutdown is still worth its record.
            return await statuses.RecordAsync(key, run, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogRecordFailed(exception, key, run.Outcome);
            return null;
        }
    }

    private async Task HandleFailureAsync(IJobExecutionContext context, ScheduledJob job, JobFailure failure, CancellationToken cancellationToken)
    {
        try
        {
            await job.OnFailedForShellAsync(context, failure, cancellationToken);
        }
        catch (Exception exception)
        {
            LogFailureHandlingFailed(exception, context.JobDetail.Key);
        }
    }

    // The scheduled fire time names the firing: on a cluster, each one is started by exactly one node.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} started (trigger {Trigger}, node {Node}, fire time {FireTime:O})")]
    private partial void LogStarted(JobKey job, TriggerKey trigger, string node, DateTimeOffset? fireTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} finished in {DurationMs:0} ms: {Result}")]
    private partial void LogFinished(JobKey job, double durationMs, string result);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} finished in {DurationMs:0} ms: {Result}")]
    private partial void LogFinishedIdle(JobKey job, double durationMs, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} was cancelled after {DurationMs:0} ms")]
    private partial void LogCancelled(JobKey job, double durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed after {DurationMs:0} ms ({Failures} failure(s) in a row); it runs again at its next time")]
    private partial void LogFailed(Exception exception, JobKey job, double durationMs, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job}: its {Outcome} run could not be recorded in the JobStatus table")]
    private partial void LogRecordFailed(Exception exception, JobKey job, JobOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job}: handling its failure (e.g. backing off) failed too")]
    private partial void LogFailureHandlingFailed(Exception exception, JobKey job);
}
