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
}
