using FirstLine.Bot.Email;
using FirstLine.Channels.Email;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

[CollectionDefinition("Mail servers", DisableParallelization = true)]
public sealed class MailServersCollection;

/// <summary>
/// The email channel against real servers: customers write through Postfix, FirstLine polls Dovecot over IMAP and
/// answers through Postfix, and the customer's own mailbox shows what arrived.
/// </summary>
public sealed class EmailRoundTripTests(ITestOutputHelper output) : MailServerTest(output)
{
    [Fact]
    public async Task A_customer_mail_gets_one_threaded_answer_with_the_ticket_number_and_the_reply_continues_the_same_conversation()
    {
        var first = CustomerMails.New("Drucker druckt nicht", "Der Drucker im 2. Stock druckt nicht.\n\n-- \nKunde GmbH, Tel. 0123");
        await MailServers.SendToSupportAsync(first);

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        var ticket = CustomerMails.TicketNumberIn(answer.Subject);
        Assert.Matches(@"^Re: Drucker druckt nicht \[FL-\d{5}\]$", answer.Subject);
        Assert.Equal(first.MessageId, answer.InReplyTo);
        Assert.Contains(first.MessageId, answer.References);
        Assert.Equal("auto-replied", answer.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(MailServers.Support, Assert.Single(answer.From.Mailboxes).Address);
        Assert.Contains("Echo: Der Drucker im 2. Stock druckt nicht.", answer.TextBody, StringComparison.Ordinal);
        Assert.Contains("Second answer of the same turn.", answer.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tel. 0123", Bot.Seen.Single().Text, StringComparison.Ordinal);
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder));

        var reply = CustomerMails.ReplyTo(answer, $"Immer noch kaputt.\n\nAm 30.11.2026 um 10:00 schrieb FirstLine Support <{MailServers.Support}>:\n> Echo: Der Drucker im 2. Stock druckt nicht.");
        await MailServers.SendToSupportAsync(reply);
        await Host.PollAndSendAsync();

        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2);
        var second = answers.Single(m => m.InReplyTo == reply.MessageId);
        Assert.Equal($"Re: Drucker druckt nicht [{ticket}]", second.Subject);
        Assert.Contains("Echo: Immer noch kaputt.", second.TextBody, StringComparison.Ordinal);
        var turns = Bot.Seen.ToArray();
        Assert.Equal(2, turns.Length);
        Assert.Equal(turns[0].Conversation!.Id, turns[1].Conversation!.Id);
        Assert.Equal("Immer noch kaputt.", turns[1].Text);
        Assert.Equal("email", turns[1].ChannelId);
        Assert.Equal(MailServers.Customer, turns[1].From!.Id);
    }

    [Fact]
    public async Task An_auto_reply_gets_no_answer_and_is_filed_as_processed()
    {
        var outOfOffice = CustomerMails.New("Abwesenheitsnotiz", "Ich bin bis Montag nicht im Büro.");
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await MailServers.SendToSupportAsync(outOfOffice);

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        Assert.Empty(Bot.Seen);
        Assert.Empty(await Host.RowsAsync<EmailOutboxRow>());
        var record = Assert.Single(await Host.RowsAsync<EmailMessageRow>());
        Assert.Equal(EmailOutcome.Ignored, record.Outcome);
        Assert.Contains("Auto-Submitted: auto-replied", record.Reason, StringComparison.Ordinal);
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder));
        await Task.Delay(1000);
        Assert.Empty(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
    }

    [Fact]
    public async Task A_broken_mail_lands_in_the_failed_folder_with_the_reason_on_record()
    {
        await MailServers.AppendRawAsync(MailServers.Support, System.Text.Encoding.ASCII.GetBytes(
            "Subject: kaputt\r\nMessage-ID: <broken-1@example.test>\r\nContent-Type: multipart/mixed\r\n\r\nkein Absender, keine Grenze\r\n"));

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Failed);
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.FailedFolder));
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        var record = Assert.Single(await Host.RowsAsync<EmailMessageRow>());
        Assert.Equal(EmailOutcome.Failed, record.Outcome);
        Assert.Contains("no sender", record.Reason, StringComparison.Ordinal);
        Assert.Empty(Bot.Seen);
        Assert.Empty(await Host.RowsAsync<EmailOutboxRow>());
    }

    [Fact]
    public async Task A_crash_between_commit_and_move_answers_nothing_twice_after_the_restart()
    {
        await MailServers.SendToSupportAsync(CustomerMails.New("VPN", "Das VPN bricht ab."));

        // The first process handles the mail and commits, then dies before the IMAP move.
        Assert.Equal(MailDisposition.Processed, await Host.ProcessWithoutMovingAsync());

        await RestartHostAsync();

        var poll = await Host.PollAndSendAsync();
        var again = await Host.PollAndSendAsync();

        Assert.Equal((0, 1), (poll.Processed, poll.Moved));
        Assert.Equal((0, 0, 0), (again.Processed, again.Moved, again.Failed));
        Assert.Single(Bot.Seen);
        Assert.Single(await Host.RowsAsync<EmailMessageRow>());
        Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder));
        await Task.Delay(1000);
        Assert.Single(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
    }
}
