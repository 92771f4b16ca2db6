using FirstLine.Bot.Scheduling;
using Quartz;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>A job whose only work is to say it ran; its run shows up in the JobStatus table through the real shell.</summary>
public sealed class ReportingJob(JobShell shell) : ScheduledJob(shell)
{
    public const string Summary = "The reporting job ran.";

    protected override Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(JobResult.Done(Summary));
}

/// <summary>A job that always throws, to prove failures are recorded and the schedule goes on.</summary>
public sealed class ThrowingJob(JobShell shell) : ScheduledJob(shell)
{
    public const string Message = "The throwing job fails on purpose.";

    protected override Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);
}
