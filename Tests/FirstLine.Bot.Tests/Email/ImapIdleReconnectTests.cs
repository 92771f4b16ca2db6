using FirstLine.Bot.Email;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Tests.Scheduling;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The IMAP server drops the IDLE connection: FirstLine reaches the real Dovecot through a <see cref="FaultProxy"/> that
/// cuts the watching connection just as the server is about to announce a new mail on it. The regular poll is five
/// minutes away, so only the watcher's reconnect (and its poll after reconnecting) can answer in time.
/// </summary>
public sealed class ImapIdleReconnectTests(ITestOutputHelper output) : MailServerTest(output)
{
    private readonly FaultProxy imap = FaultProxy.Start(MailServers.Imap.Host, MailServers.Imap.Port);
    private Task cut = Task.CompletedTask;

    protected override IEnumerable<string> Settings =>
        [$"--Email:Mailboxes:0:Imap:Port={imap.Port}", "--Email:PollInBackground=true", "--Email:Mailboxes:0:PollSeconds=300", "--Email:OutboxSeconds=2"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await imap.DisposeAsync();
    }

    /// <summary>
    /// The inbox is empty, so the first "* 1 EXISTS" the server sends is the IDLE connection's news of the first mail
    /// (a poll connection opened later would see it too, but the rule fires once, on the first).
    /// </summary>
    protected override Task BeforeHostStartsAsync()
    {
        cut = imap.CutOnce(CutRule.BeforeServerSends("* 1 EXISTS"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_cut_IDLE_connection_is_reopened_after_a_logged_back_off_the_mail_it_hid_is_answered_and_the_next_one_too_each_once()
    {
        await Eventually.MatchesAsync(() => Task.FromResult(Count("watching the inbox with IMAP IDLE")), n => n == 1, "the watcher idling");
        await Eventually.MatchesAsync(
            async () => (await Host.RowsAsync<EmailMailboxStateRow>()).SingleOrDefault()?.LastPolledAt,
            polled => polled is not null,
            "the first scheduled poll");
        await Task.Delay(1000);

        var hidden = CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht.");
        await MailServers.SendAsync(hidden);
        await cut.WaitAsync(TimeSpan.FromSeconds(60));

        // The drop is logged with its back-off, and the watcher idles again on a new connection.
        await Eventually.MatchesAsync(() => Task.FromResult(Count("watching the inbox with IMAP IDLE")), n => n == 2, "the watcher idling again", TimeSpan.FromSeconds(60));
        Assert.Single(Log.Lines, l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("the IDLE connection failed (1 in a row); reconnecting in 00:00:01", StringComparison.Ordinal));

        // The mail whose news the cut swallowed is answered by the poll after reconnecting, long before the regular one.
        var first = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1, TimeSpan.FromSeconds(60)));
        Assert.Equal(hidden.MessageId, first.InReplyTo);

        // The new connection announces the next mail as the old one would have.
        var next = CustomerMails.New("VPN bricht ab", "Das VPN bricht ständig ab.");
        await MailServers.SendAsync(next);
        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2, TimeSpan.FromSeconds(60));
        Assert.Single(answers, a => a.InReplyTo == next.MessageId);

        // Nothing twice: one answer, one turn and one ticket per mail, and no poll failed.
        await Task.Delay(3000);
        Assert.Equal(2, (await MailServers.ReadAsync(MailServers.Customer, "INBOX")).Count);
        Assert.Equal(2, Bot.Seen.Count);
        Assert.Equal(2, (await Host.RowsAsync<TicketRow>()).Count);
        Assert.Equal(0, (await Host.Get<JobStatusStore>().FindAsync(MailboxJobs.PollKey(MailServers.Support), CancellationToken.None))!.TotalFailures);
    }

    private int Count(string text) => Log.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));
}
