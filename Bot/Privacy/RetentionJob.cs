using FirstLine.Bot.Scheduling;
using Quartz;

namespace FirstLine.Bot.Privacy;

/// <summary>Runs the <see cref="RetentionPurge"/> once a night (03:15 Europe/Berlin, quiet hours), once across all nodes.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionPurge purge, JobShell shell) : ScheduledJob(shell)
{
    public static readonly JobKey Key = new("retention-purge", "privacy");

    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = await purge.RunAsync(cancellationToken);
        return purged.Total == 0 ? JobResult.Idle("nothing old enough to purge") : JobResult.Done($"purged {purged}");
    }
}
