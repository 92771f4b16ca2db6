using FirstLine.Bot.Scheduling;
using FirstLine.Channels.Email;
using Microsoft.Extensions.Options;
using Quartz;

namespace FirstLine.Bot.Email;

/// <summary>
/// One poll of one mailbox (<see cref="MailboxPoller.PollOnceAsync"/>); answers go out through the outbox job, triggered
/// when the poll handled mail. A failed poll is noted on the mailbox's state row and the next poll is pushed back
/// (interval × 2^failures, at most 15 minutes) — the mailbox keeps being polled, never silently given up.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MailboxPollJob(
    MailboxPoller poller,
    MailboxJobs jobs,
    IOptions<EmailOptions> options,
    TimeProvider time,
    JobShell shell,
    ILogger<MailboxPollJob> logger) : ScheduledJob(shell)
{
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(15);

    internal static TimeSpan BackOff(TimeSpan interval, int failures) =>
        TimeSpan.FromTicks(Math.Min(LongestBackOff.Ticks, interval.Ticks * (1L << Math.Clamp(failures, 0, 10))));

    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await poller.PollOnceAsync(Mailbox(context), cancellationToken);
        if (result.Processed + result.Failed + result.Moved == 0)
        {
            return JobResult.Idle("no new mail");
        }

        await jobs.TriggerOutboxAsync(cancellationToken);
        return JobResult.Done($"{result.Processed} processed, {result.Failed} failed, {result.Moved} moved after an interruption");
    }

    protected override async Task OnFailedAsync(IJobExecutionContext context, JobFailure failure, CancellationToken cancellationToken)
    {
        var mailbox = Mailbox(context);
        await poller.RecordFailureAsync(mailbox.Address!, failure.Exception.Message, cancellationToken);
        var wait = BackOff(TimeSpan.FromSeconds(mailbox.PollSeconds), failure.ConsecutiveFailures);
        if (await PostponeNextRunAsync(context, time.GetUtcNow() + wait, cancellationToken))
        {
            LogBackingOff(mailbox.Address!, failure.ConsecutiveFailures, wait);
        }
    }

    private MailboxOptions Mailbox(IJobExecutionContext context)
    {
        var address = context.MergedJobDataMap.GetString(MailboxJobs.MailboxData);
        return options.Value.Mailboxes.FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The poll job {context.JobDetail.Key} names mailbox '{address}', which is not configured under Email:Mailboxes.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: {Failures} failed poll(s) in a row; next try in {Wait}")]
    private partial void LogBackingOff(string mailbox, int failures, TimeSpan wait);
}
