using System.Text;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>What goes wrong around a support mailbox, against the real Dovecot and Postfix.</summary>
public abstract class EmailFaultTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    [Fact]
    public async Task A_bounce_of_our_answer_marks_the_delivery_failure_on_the_ticket_and_is_never_answered()
    {
        await MailServers.SendToSupportAsync(CustomerMails.New("Drucker", "Der Drucker druckt nicht."));
        await Host.PollAndSendAsync();
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        var ticket = CustomerMails.TicketNumberIn(answer.Subject);

        // A DSN as Postfix writes it, with our answer returned inside (the shared Postfix cannot be made to bounce on demand).
        await MailServers.AppendRawAsync(MailServers.Support, Encoding.ASCII.GetBytes($"""
            From: MAILER-DAEMON@example.test (Mail Delivery System)
            To: {MailServers.Support}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@example.test>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

            --dsn
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.
            --dsn
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.example.test

            Final-Recipient: rfc822; {MailServers.Customer}
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable

            --dsn
            Content-Type: message/rfc822

            From: {MailServers.Support}
            To: {MailServers.Customer}
            Subject: {answer.Subject}
            Message-ID: <{answer.MessageId}>

            (body)
            --dsn--
            """.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        Assert.Single(Bot.Seen);
        var stored = await Host.Get<TicketService>().FindAsync(ticket, CancellationToken.None);
        var audit = Assert.Single(stored!.Audit, a => a.Action == "delivery-failed");
        Assert.Contains($"{MailServers.Customer}: failed 5.1.1", audit.NewValue, StringComparison.Ordinal);
        Assert.Contains(stored.Notes, n => n.Text.Contains("could not be delivered", StringComparison.Ordinal) && n.Text.Contains("550 5.1.1", StringComparison.Ordinal));
        var record = Assert.Single(await Host.RowsAsync<EmailMessageRow>(), r => r.MessageKey == "bounce-1@example.test");
        Assert.Equal((EmailOutcome.Ignored, ticket), (record.Outcome, record.TicketNumber));
        Assert.Single(await Host.RowsAsync<EmailOutboxRow>());
    }

    [Fact]
    public async Task A_stranger_quoting_someone_elses_ticket_number_opens_a_new_ticket()
    {
        await MailServers.SendToSupportAsync(CustomerMails.New("Drucker", "Der Drucker druckt nicht."));
        await Host.PollAndSendAsync();
        var ticket = CustomerMails.TicketNumberIn(Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1)).Subject);

        await MailServers.SendToSupportAsync(CustomerMails.New($"Re: Drucker [{ticket}]", "Ich habe auch ein Problem.", from: "fremd@example.test"));
        await Host.PollAndSendAsync();

        var tickets = await Host.RowsAsync<TicketRow>();
        Assert.Equal(2, tickets.Count);
        var turns = Bot.Seen.ToArray();
        Assert.NotEqual(turns[0].Conversation!.Id, turns[1].Conversation!.Id);
        var records = await Host.RowsAsync<EmailMessageRow>();
        Assert.NotEqual(ticket, records.Single(r => r.Sender == "fremd@example.test").TicketNumber);
    }

    [Fact]
    public async Task A_mailbox_that_rejects_the_login_fails_the_poll_as_permanent_with_the_user_named()
    {
        await RestartHostAsync(["--Email:Mailboxes:0:Imap:Password=wrong"]);

        var error = await Assert.ThrowsAsync<MailboxException>(() => Host.Poller.PollOnceAsync(Host.Mailbox, CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Contains($"refused the login of '{MailServers.Support}'", error.Message, StringComparison.Ordinal);
        await Host.Poller.RecordFailureAsync(MailServers.Support, error.Message, CancellationToken.None);
        Assert.Contains("refused the login", Assert.Single(await Host.RowsAsync<EmailMailboxStateRow>()).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_UIDVALIDITY_resets_the_high_water_mark_and_de_duplication_answers_nothing_twice()
    {
        await MailServers.SendToSupportAsync(CustomerMails.New("VPN", "Das VPN bricht ab."));

        // Handled and committed, but not moved (as after a crash) ...
        await Host.ProcessWithoutMovingAsync();

        // ... and then the server's UIDVALIDITY no longer matches the stored one. (The shared Dovecot cannot be made to
        // renumber its folder from a test, so the stored value is changed instead: the same mismatch for the poller.)
        var real = Assert.Single(await Host.RowsAsync<EmailMailboxStateRow>());
        await using (var db = await Host.Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync())
        {
            await db.Set<EmailMailboxStateRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.UidValidity, real.UidValidity + 1).SetProperty(r => r.LastUid, 99_999));
        }

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        Assert.Single(Bot.Seen);
        Assert.Single(await Host.RowsAsync<EmailMessageRow>());
        Assert.Single(await Host.RowsAsync<EmailOutboxRow>());
        var state = Assert.Single(await Host.RowsAsync<EmailMailboxStateRow>());
        Assert.Equal(real.UidValidity, state.UidValidity);
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
        Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
    }
}

public sealed class EmailFaultOnSqliteTests(ITestOutputHelper output) : EmailFaultTests(output, StorageProvider.Sqlite);

public sealed class EmailFaultOnPostgreSqlTests(ITestOutputHelper output) : EmailFaultTests(output, StorageProvider.PostgreSql);
