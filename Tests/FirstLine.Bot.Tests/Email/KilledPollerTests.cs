using FirstLine.Bot.Email;
using FirstLine.Bot.Tests.Scaling;
using FirstLine.Bot.Tickets;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// A FirstLine process (the real support bot, <see cref="FirstLineNode"/>) polling the real mailbox is killed with
/// SIGKILL right after it committed a mail and before the IMAP move; a new process on the same SQLite file finishes.
/// <c>Email:PauseBeforeMove</c> (a failover-drill setting, off by default) holds the first process at that moment.
/// </summary>
[Collection("Mail servers")]
public sealed class KilledPollerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MailboxNodes nodes = null!;

    public async Task InitializeAsync() => nodes = await MailboxNodes.OnSqliteAsync(output);

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task A_process_killed_between_commit_and_move_leaves_one_ticket_and_one_answer_after_the_restart()
    {
        var request = CustomerMails.New("VPN bricht ab", "Mein VPN bricht ständig ab.");
        await MailServers.SendToSupportAsync(request);

        var first = await nodes.StartAsync("first", "--Email:PauseBeforeMove=00:10:00");
        await first.WaitForLogAsync("committed, pausing", TimeSpan.FromMinutes(2));
        await first.KillAsync();

        // Committed, not moved: the mail is still in the inbox and recorded as handled.
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        Assert.Equal(request.MessageId, Assert.Single(await nodes.RowsAsync<EmailMessageRow>()).MessageKey);

        await nodes.StartAsync("restarted");

        await MailServers.WaitForAsync(MailServers.Support, MailServers.ProcessedFolder, 1, TimeSpan.FromSeconds(90));
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1, TimeSpan.FromSeconds(60)));
        Assert.Equal(request.MessageId, answer.InReplyTo);
        Assert.Single(await nodes.RowsAsync<TicketRow>());
        Assert.Single(await nodes.RowsAsync<EmailMessageRow>());
        Assert.Single(await nodes.RowsAsync<EmailOutboxRow>());

        // Several polls later still nothing twice.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.Single(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
        Assert.Single(await nodes.RowsAsync<TicketRow>());
    }
}
