using FirstLine.Bot.Scheduling;
using FirstLine.Channels.Email;
using Microsoft.Extensions.Options;
using Quartz;

namespace FirstLine.Bot.Email;

/// <summary>
/// Sends the outbox's due mails of every mailbox (<see cref="EmailOutboxSender.SendDueAsync"/>: a failed send stays in
/// the outbox with back-off, 30 s doubling to an hour, and gives up after ten attempts with the reason on record).
/// A run in which sends failed fails as a whole, after trying every mailbox, so an SMTP outage shows on the job
/// (<c>/api/jobs</c>, the console) and not only on the outbox rows.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EmailOutboxJob(EmailOutboxSender outbox, IOptions<EmailOptions> options, JobShell shell) : ScheduledJob(shell)
{
    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        string? lastError = null;
        foreach (var mailbox in options.Value.Mailboxes)
        {
            var run = await outbox.SendDueAsync(mailbox.Address!, cancellationToken);
            sent += run.Sent;
            failed += run.Failed;
            lastError = run.LastError ?? lastError;
        }

        if (failed > 0)
        {
            throw new MailboxException($"{failed} mail(s) could not be sent and stay in the outbox for a later attempt ({sent} sent): {lastError}");
        }

        return sent == 0 ? JobResult.Idle("nothing due") : JobResult.Done($"{sent} mail(s) sent");
    }
}
