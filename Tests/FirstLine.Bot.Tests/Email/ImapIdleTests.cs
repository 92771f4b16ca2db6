using FirstLine.Bot.Email;
using FirstLine.Bot.Tests.Scheduling;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>IMAP IDLE as the faster path, against the real Dovecot: the regular poll is five minutes away.</summary>
public sealed class ImapIdleTests(ITestOutputHelper output) : MailServerTest(output)
{
    protected override IEnumerable<string> Settings =>
        ["--Email:PollInBackground=true", "--Email:Mailboxes:0:PollSeconds=300", "--Email:OutboxSeconds=2"];

    [Fact]
    public async Task Mails_that_arrive_after_the_first_poll_are_answered_long_before_the_next_regular_poll_also_after_the_poller_moved_one_out()
    {
        // A poll runs at start (scheduled, and the watcher's after connecting); a mail sent after it proves the IDLE
        // path, since the next regular poll is 300 s away.
        await Eventually.MatchesAsync(
            async () => (await Host.RowsAsync<EmailMailboxStateRow>()).SingleOrDefault()?.LastPolledAt,
            polled => polled is not null,
            "the first scheduled poll");
        await Task.Delay(1000);

        await MailServers.SendAsync(CustomerMails.New("Drucker druckt nicht", "Der Drucker druckt nicht."));

        // Generous for a loaded machine, yet far below the 300 s the regular poll would take.
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1, TimeSpan.FromSeconds(90)));
        Assert.Contains("Echo: Der Drucker druckt nicht.", answer.TextBody, StringComparison.Ordinal);

        // The poll moved the first mail out (EXPUNGE on the watching connection); the next one brings the inbox back to
        // the same count and must still be seen as new.
        var next = CustomerMails.New("VPN bricht ab", "Das VPN bricht ständig ab.");
        await MailServers.SendAsync(next);
        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2, TimeSpan.FromSeconds(90));
        Assert.Single(answers, a => a.InReplyTo == next.MessageId);
    }
}
