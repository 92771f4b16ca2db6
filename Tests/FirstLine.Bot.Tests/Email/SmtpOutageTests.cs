using FirstLine.Bot.Email;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Scheduling;
using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// FirstLine's SMTP server goes away and comes back: FirstLine talks to the real Postfix through a
/// <see cref="FaultProxy"/> that the test takes down (nothing listens: connections are refused, as with a stopped
/// Postfix) and brings back, or cuts in the middle of a session. The shared Postfix itself keeps running for the other
/// tests.
/// </summary>
public abstract class SmtpOutageTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    private readonly FaultProxy smtp = FaultProxy.Start(MailServers.Smtp.Host, MailServers.Smtp.Port);

    protected override IEnumerable<string> Settings => [$"--Email:Mailboxes:0:Smtp:Port={smtp.Port}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task While_SMTP_is_down_the_answers_wait_in_the_outbox_with_back_off_and_arrive_exactly_once_when_it_is_back()
    {
        smtp.GoDown();
        var printer = CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht.");
        var vpn = CustomerMails.New("VPN bricht ab", "Das VPN bricht ständig ab.");
        await MailServers.SendAsync(printer);
        await MailServers.SendAsync(vpn);
        await MailServers.WaitForAsync(MailServers.Support, "INBOX", 2);

        Assert.Equal(2, (await Host.Poller.PollOnceAsync(Host.Mailbox, CancellationToken.None)).Processed);
        var failed = await RunOutboxJobAsync(s => s.ConsecutiveFailures == 1);

        // Nothing lost: both answers wait in the outbox with the attempt, the error and the next try on record ...
        Assert.Equal(JobOutcome.Failed, failed.LastOutcome);
        Assert.Contains("2 mail(s) could not be sent", failed.LastError, StringComparison.Ordinal);
        Assert.Contains($"Cannot connect to SMTP {MailServers.Smtp.Host}:{smtp.Port}", failed.LastError, StringComparison.Ordinal);
        var waiting = await Host.RowsAsync<EmailOutboxRow>();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, row =>
        {
            Assert.Equal((1, false, null), (row.Attempts, row.GaveUp, row.SentAt));
            Assert.Contains("Cannot connect", row.LastError, StringComparison.Ordinal);
            Assert.InRange(row.NextAttemptAt - failed.LastFinishedAt!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
        });

        // ... and the admin sees the failing job in /api/jobs.
        var jobs = await Host.ApiAsync(HttpMethod.Get, "api/jobs", await Host.CreateApiKeyAsync());
        var outboxJob = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == MailboxJobs.OutboxKey.Name);
        Assert.Equal("Failed", outboxJob.GetProperty("lastOutcome").GetString());
        Assert.Equal(1, outboxJob.GetProperty("consecutiveFailures").GetInt32());

        // Before the back-off has passed nothing is tried; after it, a second failed attempt doubles the wait.
        Assert.Equal((0, 0), Counts(await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None)));
        Host.Host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal((0, 2), Counts(await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None)));
        Assert.All(await Host.RowsAsync<EmailOutboxRow>(), row => Assert.Equal((2, false, null), (row.Attempts, row.GaveUp, row.SentAt)));
        Assert.Empty(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));

        // Postfix is back: the next outbox run sends both.
        smtp.ComeBack();
        Host.Host.Clock.Advance(TimeSpan.FromSeconds(61));
        var recovered = await RunOutboxJobAsync(s => s.LastOutcome == JobOutcome.Succeeded);

        Assert.Equal("2 mail(s) sent", recovered.LastResult);
        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2);
        Assert.Single(answers, a => a.InReplyTo == printer.MessageId);
        Assert.Single(answers, a => a.InReplyTo == vpn.MessageId);
        Assert.All(await Host.RowsAsync<EmailOutboxRow>(), row => Assert.NotNull(row.SentAt));
        Host.Host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal((0, 0), Counts(await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None)));
        await Task.Delay(1000);
        Assert.Equal(2, (await MailServers.ReadAsync(MailServers.Customer, "INBOX")).Count);
    }

    [Fact]
    public async Task An_SMTP_connection_dropped_before_the_server_took_the_mail_is_retried_and_the_answer_arrives_once()
    {
        var request = CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht.");
        await MailServers.SendToSupportAsync(request);
        await Host.Poller.PollOnceAsync(Host.Mailbox, CancellationToken.None);

        // Postfix has accepted sender and recipient and is about to invite the mail's data: the connection drops.
        var cut = smtp.CutOnce(CutRule.BeforeServerSends("354 "));
        Assert.Equal((0, 1), Counts(await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None)));

        Assert.True(cut.IsCompletedSuccessfully, "the proxy did not cut the SMTP session");
        var waiting = Assert.Single(await Host.RowsAsync<EmailOutboxRow>());
        Assert.Equal((1, false, null), (waiting.Attempts, waiting.GaveUp, waiting.SentAt));
        Assert.Contains("Sending through SMTP", waiting.LastError, StringComparison.Ordinal);
        Host.Host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal((1, 0), Counts(await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None)));
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        Assert.Equal(request.MessageId, answer.InReplyTo);
        await Task.Delay(1000);
        Assert.Single(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
    }

    private static (int Sent, int Failed) Counts(OutboxRun run) => (run.Sent, run.Failed);

    /// <summary>Runs the outbox job through the scheduler (as its timer would) and waits for its record.</summary>
    private async Task<JobStatusRow> RunOutboxJobAsync(Func<JobStatusRow, bool> outcome)
    {
        var before = (await Host.Get<JobStatusStore>().FindAsync(MailboxJobs.OutboxKey, CancellationToken.None))?.TotalRuns ?? 0;
        await Host.Get<MailboxJobs>().TriggerOutboxAsync(CancellationToken.None);
        var status = await Eventually.MatchesAsync(
            () => Host.Get<JobStatusStore>().FindAsync(MailboxJobs.OutboxKey, CancellationToken.None),
            s => s is not null && s.TotalRuns > before,
            "the outbox job's run");
        Assert.True(outcome(status!), $"the outbox job's run: {status!.LastOutcome} {status.LastResult} {status.LastError}");
        return status;
    }
}

public sealed class SmtpOutageOnSqliteTests(ITestOutputHelper output) : SmtpOutageTests(output, StorageProvider.Sqlite);

public sealed class SmtpOutageOnPostgreSqlTests(ITestOutputHelper output) : SmtpOutageTests(output, StorageProvider.PostgreSql);
