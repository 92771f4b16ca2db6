using FirstLine.Bot.Email;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Tests.Scheduling;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The IMAP server drops the connection in the middle of a poll: FirstLine reaches the real Dovecot through a
/// <see cref="FaultProxy"/> that cuts the connection while the third mail of a batch is being downloaded; the
/// scheduler polls in the background as in production.
/// </summary>
public sealed class ImapConnectionCutTests(ITestOutputHelper output) : MailServerTest(output)
{
    private readonly FaultProxy imap = FaultProxy.Start(MailServers.Imap.Host, MailServers.Imap.Port);
    private readonly string marker = $"third-mail-{Guid.NewGuid():N}";
    private readonly List<MimeMessage> requests = [];
    private Task cut = Task.CompletedTask;

    protected override IEnumerable<string> Settings =>
        [$"--Email:Mailboxes:0:Imap:Port={imap.Port}", "--Email:PollInBackground=true", "--Email:OutboxSeconds=2"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await imap.DisposeAsync();
    }

    /// <summary>The batch is in the inbox before FirstLine starts, so its first poll finds all of it.</summary>
    protected override async Task BeforeHostStartsAsync()
    {
        requests.Add(CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht."));
        requests.Add(CustomerMails.New("VPN bricht ab", "Das VPN bricht ständig ab."));
        requests.Add(CustomerMails.New("Kennwort vergessen", $"Ich habe mein Kennwort vergessen. {marker}"));
        foreach (var request in requests)
        {
            await MailServers.SendAsync(request);
            await MailServers.WaitForAsync(MailServers.Support, "INBOX", requests.IndexOf(request) + 1);
        }

        cut = imap.CutOnce(CutRule.BeforeServerSends(marker));
    }

    [Fact]
    public async Task A_poll_cut_off_mid_fetch_fails_on_record_backs_off_and_the_next_poll_finishes_the_batch_with_one_ticket_and_one_answer_per_mail()
    {
        var key = MailboxJobs.PollKey(MailServers.Support);
        await cut.WaitAsync(TimeSpan.FromSeconds(60));
        var finished = await Eventually.MatchesAsync(
            () => Host.Get<JobStatusStore>().FindAsync(key, CancellationToken.None),
            s => s is { LastOutcome: JobOutcome.Succeeded, TotalFailures: > 0 },
            "a successful poll after the cut-off one",
            TimeSpan.FromSeconds(90));

        // The cut-off poll is on record, and the next one waited its back-off (2 × PollSeconds).
        Assert.Equal(1, finished!.TotalFailures);
        Assert.Contains("Downloading mail", finished.LastError, StringComparison.Ordinal);
        Assert.True(finished.LastStartedAt >= finished.LastErrorAt!.Value.AddSeconds(9), $"the retry started at {finished.LastStartedAt}, the failure was at {finished.LastErrorAt}");

        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 3, TimeSpan.FromSeconds(60));
        Assert.All(requests, request => Assert.Single(answers, a => a.InReplyTo == request.MessageId));
        Assert.Equal(3, Bot.Seen.Count);
        Assert.Equal(3, (await Host.RowsAsync<TicketRow>()).Count);
        Assert.Equal(3, (await Host.RowsAsync<EmailMessageRow>()).Select(r => r.TicketNumber).Distinct().Count());
        Assert.Equal(3, (await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder)).Count);
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        await Task.Delay(1000);
        Assert.Equal(3, (await MailServers.ReadAsync(MailServers.Customer, "INBOX")).Count);
    }
}
