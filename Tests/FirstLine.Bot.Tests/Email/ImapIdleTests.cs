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
    public async Task A_mail_that_arrives_after_the_first_poll_is_answered_long_before_the_next_regular_poll()
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
    }
}
