using FirstLine.Channels.Email;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

/// <summary>
/// Polls every configured mailbox in its own loop (never two polls of one mailbox at once) and sends the outbox
/// after each poll. A failing mailbox is logged, recorded on its state row and retried with back-off — never
/// silently given up. (To be replaced by a Quartz job per mailbox calling <see cref="MailboxPoller.PollOnceAsync"/>.)
/// </summary>
public sealed partial class EmailPollingService(
    MailboxPoller poller,
    EmailOutboxSender outbox,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailPollingService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Mailboxes.Select(m => RunAsync(m, stoppingToken)));

    private async Task RunAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(mailbox.PollSeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await poller.PollOnceAsync(mailbox, stoppingToken);
                await outbox.SendDueAsync(mailbox.Address!, stoppingToken);
                failures = 0;
            }
            catch (MailboxException exception)
            {
                failures++;
                wait = TimeSpan.FromTicks(Math.Min(LongestBackOff.Ticks, interval.Ticks * (1L << Math.Min(failures, 10))));
                LogPollFailed(exception, mailbox.Address!, failures, wait);
                await poller.RecordFailureAsync(mailbox.Address!, exception.Message, stoppingToken);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {Mailbox}: poll failed ({Failures} in a row); next try in {Wait}")]
    private partial void LogPollFailed(Exception exception, string mailbox, int failures, TimeSpan wait);
}
