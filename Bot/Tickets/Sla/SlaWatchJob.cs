using FirstLine.Bot.Scheduling;
using Quartz;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>Runs the <see cref="SlaWatch"/> every minute, once across all nodes.</summary>
[DisallowConcurrentExecution]
public sealed class SlaWatchJob(SlaWatch watch, JobShell shell) : ScheduledJob(shell)
{
    public static readonly JobKey Key = new("sla-watch", "tickets");

    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await watch.RunAsync(cancellationToken);
        return result is { Warnings: 0, Breaches: 0 }
            ? JobResult.Idle("no SLA close to due or missed")
            : JobResult.Done($"{result.Warnings} warning(s), {result.Breaches} breach(es) escalated");
    }
}
