using FirstLine.Bot.Scheduling;
using FirstLine.Channels.Email;
using Microsoft.Extensions.Options;
using Quartz;

namespace FirstLine.Bot.Email;

/// <summary>
/// Sends the outbox's due mails of every mailbox (<see cref="EmailOutboxSender.SendDueAsync"/>: a failed send stays in
/// the outbox with back-off, 30 s doubling to an hour, and gives up after ten attempts with the reason on record).
/// </summary>
[DisallowConcurrentExecution]
public sealed class EmailOutboxJob(EmailOutboxSender outbox, IOptions<EmailOptions> options, JobShell shell) : ScheduledJob(shell)
{
    protected override async Task<JobResult> RunAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var mailbox in options.Value.Mailboxes)
        {
            sent += await outbox.SendDueAsync(mailbox.Address!, cancellationToken);
        }

        return sent == 0 ? JobResult.Idle("nothing due") : JobResult.Done($"{sent} mail(s) sent");
    }
}
