using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// Two nodes on one PostgreSQL database poll the same mailbox at the same moment — what happens when the scheduler
/// wrongly takes a live node for dead (its cluster check-in stalled) and hands its poll to another.
/// </summary>
public sealed class RacingPollersTests(ITestOutputHelper output) : MailServerTest(output, StorageProvider.PostgreSql)
{
    [Fact]
    public async Task Two_nodes_polling_the_same_mailbox_at_the_same_moment_run_one_turn_open_one_ticket_and_send_one_answer()
    {
        var request = CustomerMails.New("VPN bricht ab", "Das VPN bricht ab.");
        await MailServers.SendToSupportAsync(request);
        await using var other = await Host.StartBesideAsync(Bot, Log);

        var polls = await Task.WhenAll(
            Host.Poller.PollOnceAsync(Host.Mailbox, CancellationToken.None),
            other.Poller.PollOnceAsync(other.Mailbox, CancellationToken.None));
        await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None);

        Assert.Equal(1, polls.Sum(p => p.Processed));
        Assert.Single(Bot.Seen);
        Assert.Single(await Host.RowsAsync<TicketRow>());
        Assert.Single(await Host.RowsAsync<EmailMessageRow>());
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder));
        Assert.Equal(request.MessageId, Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1)).InReplyTo);
        await Task.Delay(1000);
        Assert.Single(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
    }
}
