using Quartz;

namespace FirstLine.Bot.Email;

/// <summary>
/// The email channel's jobs by name, and the way to run them now: IMAP IDLE calls <see cref="TriggerPollAsync"/> when
/// mail arrives, whoever writes to the outbox may call <see cref="TriggerOutboxAsync"/>. A triggered run waits for a
/// running one of the same job (never two polls of one mailbox at once), on any node.
/// </summary>
public sealed class MailboxJobs(ISchedulerFactory schedulers)
{
    public const string Group = "email";

    /// <summary>Job data key of the mailbox address a poll job polls.</summary>
    public const string MailboxData = "mailbox";

    public static JobKey OutboxKey { get; } = new("outbox", Group);

    public static JobKey PollKey(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new JobKey($"poll {address.ToLowerInvariant()}", Group);
    }

    /// <summary>Polls <paramref name="address"/> now (or right after the poll that is running).</summary>
    public Task TriggerPollAsync(string address, CancellationToken cancellationToken) => TriggerAsync(PollKey(address), cancellationToken);

    /// <summary>Sends what is due in the outbox now.</summary>
    public Task TriggerOutboxAsync(CancellationToken cancellationToken) => TriggerAsync(OutboxKey, cancellationToken);

    private async Task TriggerAsync(JobKey job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(job, cancellationToken);
    }
}
