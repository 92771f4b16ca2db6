using System.Globalization;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>A mail that names thousands of other people.</summary>
public sealed class EmailRecipientTests(ITestOutputHelper output) : MailServerTest(output)
{
    private const int Recipients = 5000;

    [Fact]
    public async Task A_mail_to_5000_recipients_is_answered_to_the_sender_only_and_the_ticket_keeps_no_crowd()
    {
        var mail = CustomerMails.New("Rundmail", "Bitte alle informieren: der Server ist down.");
        for (var i = 0; i < Recipients; i++)
        {
            (i % 2 == 0 ? mail.To : mail.Cc).Add(MailboxAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"r{i}@e.test")));
        }

        // Put into the inbox over IMAP: Postfix would cut a header this long at its header_size_limit (100 KB).
        await MailServers.AppendRawAsync(MailServers.Support, System.Text.Encoding.UTF8.GetBytes(mail.ToString()));

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        var seen = Assert.Single(Bot.Seen);
        var data = Assert.IsType<EmailChannelData>(seen.ChannelData);
        Assert.Equal(Recipients + 1, data.RecipientCount);
        Assert.True(data.To.Count + data.Cc.Count <= 2 * EmailChannelData.MaxListedRecipients);
        var outbox = Assert.Single(await Host.RowsAsync<EmailOutboxRow>());
        Assert.Equal(MailServers.Customer, outbox.Recipient);
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        Assert.Equal([MailServers.Customer], answer.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(answer.Cc);
        var ticket = Assert.Single(await Host.RowsAsync<TicketRow>());
        Assert.Equal(MailServers.Customer, Assert.Single(await Host.RowsAsync<CustomerRow>()).Email);
        Assert.DoesNotContain("r4999@e.test", ticket.Description, StringComparison.Ordinal);
        var transcript = await TranscriptTextAsync();
        Assert.Contains("r0@e.test", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("r4999@e.test", transcript, StringComparison.Ordinal);
    }

    private async Task<string> TranscriptTextAsync()
    {
        await using var db = await Host.Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();
        return string.Join("\n", await db.Transcripts.AsNoTracking().Select(t => t.Json).ToListAsync());
    }
}
