namespace FirstLine.Bot.Email;

/// <summary>The host side of the <c>Email</c> section: whether and how often the scheduler runs the email jobs.</summary>
public sealed class EmailJobOptions
{
    /// <summary>
    /// <c>false</c>: the poll and outbox jobs exist but run only when triggered (<see cref="MailboxJobs"/>, tests);
    /// <c>true</c> (default): every mailbox is polled every <c>PollSeconds</c> and the outbox runs every <see cref="OutboxSeconds"/>.
    /// </summary>
    public bool PollInBackground { get; set; } = true;

    /// <summary>How often the outbox job looks for due mail (1–3600 s); a poll that handled mail also runs it at once.</summary>
    public int OutboxSeconds { get; set; } = 10;

    /// <summary>
    /// Failover drills only (default 0 = off): after a mail's result is committed the poller logs
    /// "committed … pausing before the move" and waits this long (at most 10 minutes) before moving the mail out of the
    /// inbox, so a drill (or a test) can kill the node at exactly the moment a crash hurts most and watch another node
    /// or a restart finish without a duplicate.
    /// </summary>
    public TimeSpan PauseBeforeMove { get; set; }
}
