using FirstLine.Bot.Scheduling;
using Quartz;

namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>Runs the <see cref="CustomerFollowUps"/> every minute, once across all nodes.</summary>
[DisallowConcurrentExecution]
public sealed class FollowUpsJob(CustomerFollowUps followUps, JobShell shell) : ScheduledJob(shell)
{
    public static readonly JobKey Key = new("follow-ups", "tickets");

    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var r = await followUps.RunAsync(cancellationToken);
        var total = r.Reminded + r.ClosedPending + r.ClosedResolved + r.SaidGoodbye + r.OfferedEmail;
        return total == 0
            ? JobResult.Idle("no follow-up due")
            : JobResult.Done($"{r.Reminded} reminded, {r.ClosedPending} Pending closed, {r.ClosedResolved} Resolved closed, {r.SaidGoodbye} idle chats ended, {r.OfferedEmail} offered email");
    }
}
