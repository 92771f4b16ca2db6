using FirstLine.Bot.Scheduling;
using FirstLine.Channels.Email;
using Microsoft.Extensions.Options;
using Quartz;

namespace FirstLine.Bot.Email;

/// <summary>
/// The faster path to new mail: per mailbox with <c>Idle</c> on, an IMAP IDLE connection on the inbox; when mail
/// arrives, the mailbox's Quartz poll job runs at once (<see cref="MailboxJobs.TriggerPollAsync"/>, so still never two
/// polls of one mailbox at a time). The regular poll stays as the safety net. A dropped connection is reopened with
/// back-off (1 s doubling to 5 min), and a poll is triggered after each reconnect for mail that came meanwhile.
/// </summary>
public sealed partial class MailboxIdleWatcher(
    IOptions<EmailOptions> options,
    MailboxJobs jobs,
    JobStatusStore statuses,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<MailboxIdleWatcher> logger) : BackgroundService
{
    /// <summary>Mail often comes in bursts; one poll a moment after the first takes them all.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    /// <summary>Re-issue IDLE this often (RFC 2177: before 29 minutes), which also proves the connection alive.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(9);

    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);

    internal static TimeSpan BackOff(int failures) =>
        TimeSpan.FromTicks(Math.Min(LongestBackOff.Ticks, TimeSpan.FromSeconds(1).Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The poll jobs are registered while the host starts; trigger them only once it has.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        await Task.WhenAll(options.Value.Mailboxes.Where(m => m.Idle).Select(m => WatchAsync(m, stoppingToken)));
    }

    private async Task WatchAsync(MailboxOptions mailbox, CancellationToken stoppingToken)
    {
        var address = mailbox.Address!;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var idle = await ImapInboxIdle.OpenAsync(mailbox, stoppingToken);
                if (idle is null)
                {
                    LogNoIdle(address);
                    return;
                }

                LogWatching(address);

                // After a reconnect, mail may have come meanwhile; the first connect has the start-up poll for that.
                if (failures > 0)
                {
                    await TriggerPollAsync(address, stoppingToken);
                }

                failures = 0;
                while (true)
                {
                    if (await idle.WaitForMailAsync(Refresh, stoppingToken))
                    {
                        await Task.Delay(Debounce, time, stoppingToken);
                        await TriggerPollAsync(address, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is MailboxException or SchedulerException)
            {
                var wait = BackOff(++failures);
                LogDropped(exception, address, failures, wait);
                if (!await DelayAsync(wait, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    // A mailbox whose polls fail is backing off (MailboxPollJob postponed its next run); new mail must not cut that
    // short, or a broken mailbox would be hammered on every arrival. The postponed poll takes the mail.
    private async Task TriggerPollAsync(string address, CancellationToken stoppingToken)
    {
        if ((await statuses.FindAsync(MailboxJobs.PollKey(address), stoppingToken))?.ConsecutiveFailures is > 0)
        {
            LogBackingOff(address);
            return;
        }

        await jobs.TriggerPollAsync(address, stoppingToken);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return await DelayUntilAsync(started.Task);
    }

    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stoppingToken) =>
        await DelayUntilAsync(Task.Delay(wait, time, stoppingToken));

    private static async Task<bool> DelayUntilAsync(Task task)
    {
        try
        {
            await task;
            return true;
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the watcher ends quietly, as it should.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: watching the inbox with IMAP IDLE; new mail is polled at once")]
    private partial void LogWatching(string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: new mail, but its polls are failing and backing off; the postponed poll will take it")]
    private partial void LogBackingOff(string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: the IMAP server offers no IDLE; the mailbox is polled every PollSeconds only")]
    private partial void LogNoIdle(string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: the IDLE connection failed ({Failures} in a row); reconnecting in {Wait} (the regular poll goes on meanwhile)")]
    private partial void LogDropped(Exception exception, string mailbox, int failures, TimeSpan wait);
}
