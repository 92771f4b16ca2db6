using FirstLine.Bot.Email;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Email;
using Quartz;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>A mailbox whose login Dovecot refuses, polled by the scheduler.</summary>
[Collection("Mail servers")]
public abstract class FailingMailboxTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    protected override IEnumerable<string> Settings => ["--Email:PollInBackground=true", "--Email:Mailboxes:0:Imap:Password=wrong"];

    [Fact]
    public async Task A_failing_mailbox_is_recorded_on_its_job_and_state_row_and_its_next_poll_is_pushed_back_not_dropped()
    {
        var key = MailboxJobs.PollKey(MailServers.Support);
        var status = await Eventually.MatchesAsync(
            () => Host.Get<JobStatusStore>().FindAsync(key, CancellationToken.None),
            s => s is { ConsecutiveFailures: >= 1 },
            "a failed poll");

        Assert.Equal(JobOutcome.Failed, status!.LastOutcome);
        Assert.NotNull(status.LastError);
        var state = await Eventually.MatchesAsync(
            async () => (await Host.RowsAsync<EmailMailboxStateRow>()).SingleOrDefault(),
            s => s?.LastError is not null,
            "the failure on the mailbox's state row");
        Assert.NotNull(state!.LastErrorAt);
        var scheduler = await Host.Get<ISchedulerFactory>().GetScheduler();
        var next = await Eventually.MatchesAsync(
            async () => (await scheduler.GetTrigger(new TriggerKey(key.Name, key.Group)))?.NextFireTimeUtc,
            n => n >= status.LastFinishedAt!.Value.AddSeconds(9),
            "the next poll backed off by at least 2 × 5 s (the mailbox stays scheduled)");
        Assert.NotNull(next);
    }
}

public sealed class FailingMailboxOnSqliteTests(ITestOutputHelper output) : FailingMailboxTests(output, StorageProvider.Sqlite);

public sealed class FailingMailboxOnPostgreSqlTests(ITestOutputHelper output) : FailingMailboxTests(output, StorageProvider.PostgreSql);
