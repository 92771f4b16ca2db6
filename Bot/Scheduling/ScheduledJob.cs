using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>
/// The base of every FirstLine job: derive, take <see cref="JobShell"/> in the constructor (next to your own services)
/// and implement <see cref="RunAsync"/>. The shell logs start, end, duration and result, records each run in the
/// <c>JobStatus</c> table (shown by <c>GET /api/jobs</c> and the console's jobs page), and catches what the job throws, so a
/// failing job is recorded and runs again at its next time — the scheduler never dies of it.
/// </summary>
/// <remarks>
/// Jobs must be idempotent: a run can repeat after a crash or a misfire. Mark the class
/// <see cref="DisallowConcurrentExecutionAttribute"/> when two runs of the same job must never overlap (on every
/// node of a cluster). Honour the cancellation token: it is signalled at shutdown.
/// </remarks>
public abstract class ScheduledJob(JobShell shell) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        shell.RunAsync(context, this, cancellationToken);

    /// <summary>Does the work of one run and says what it did.</summary>
    protected abstract Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken);

    /// <summary>Called after a failed run was logged and recorded, e.g. to back off; what this throws is logged too.</summary>
    protected virtual Task OnFailedAsync(IJobExecutionContext context, JobFailure failure, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Moves the next run of the job's declared schedule to <paramref name="notBefore"/> (back-off); the schedule goes on
    /// as before from there. False when the job has no declared schedule (on demand).
    /// </summary>
    protected static async Task<bool> PostponeNextRunAsync(IJobExecutionContext context, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = JobTriggers.KeyFor(context.JobDetail.Key);
        if (await context.Scheduler.GetTrigger(key, cancellationToken) is not { } trigger)
        {
            return false;
        }

        await context.Scheduler.RescheduleJob(key, trigger.GetTriggerBuilder().StartAt(notBefore).Build(), cancellationToken);
        return true;
    }

    internal Task<JobResult> RunForShellAsync(IJobExecutionContext context, CancellationToken cancellationToken) => RunAsync(context, cancellationToken);

    internal Task OnFailedForShellAsync(IJobExecutionContext context, JobFailure failure, CancellationToken cancellationToken) =>
        OnFailedAsync(context, failure, cancellationToken);
}

/// <summary>A failed run: what was thrown and how many runs in a row have failed (this one included).</summary>
public sealed record JobFailure(Exception Exception, int ConsecutiveFailures);
