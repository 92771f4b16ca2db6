using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>RFC 3834's advice against answering one sender again and again, through Postfix and Dovecot.</summary>
public abstract class AutoReplyLimitTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    [Fact]
    public async Task A_sender_who_mails_seven_times_in_an_hour_gets_five_answers_and_all_seven_mails_are_on_tickets()
    {
        for (var i = 1; i <= 7; i++)
        {
            await MailServers.SendAsync(CustomerMails.New($"Anfrage {i}", $"Das ist meine Anfrage Nummer {i}."));
        }

        await MailServers.WaitForAsync(MailServers.Support, "INBOX", 7);

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(7, poll.Processed);
        Assert.Equal(5, Bot.Seen.Count);
        Assert.Equal(5, (await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 5)).Count);
        var records = await Host.RowsAsync<EmailMessageRow>();
        Assert.Equal(7, records.Count);
        Assert.All(records, r => Assert.NotNull(r.TicketNumber));
        var withheld = records.Where(r => r.Reason is not null).ToList();
        Assert.Equal(2, withheld.Count);
        Assert.All(withheld, r => Assert.StartsWith($"automatic answer withheld: {MailServers.Customer} got 5 automatic answers in the last hour", r.Reason, StringComparison.Ordinal));
        Assert.Equal(2, (await Host.RowsAsync<TicketAuditRow>()).Count(a => a.Action == AutoReplyLimit.AuditAction));
        var notes = await Host.RowsAsync<TicketNoteRow>();
        Assert.Equal(2, notes.Count(n => n.Text.Contains("not answered automatically", StringComparison.Ordinal)));
        Assert.Equal(7, (await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder)).Count);
        await Task.Delay(1000);
        Assert.Equal(5, (await MailServers.ReadAsync(MailServers.Customer, "INBOX")).Count);
    }
}

public abstract class AutoReplyLimitSettingTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    protected override IEnumerable<string> Settings => ["--Email:AutoReplyLimit:PerSenderPerHour=1"];

    [Fact]
    public async Task The_limit_is_configurable_and_a_reply_in_the_same_thread_counts_too()
    {
        var first = CustomerMails.New("Drucker", "Der Drucker druckt nicht.");
        await MailServers.SendToSupportAsync(first);
        await Host.PollAndSendAsync();
        var answer = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));

        await MailServers.SendToSupportAsync(CustomerMails.ReplyTo(answer, "Immer noch nicht."));
        await Host.PollAndSendAsync();

        Assert.Single(Bot.Seen);
        var ticket = CustomerMails.TicketNumberIn(answer.Subject);
        var records = await Host.RowsAsync<EmailMessageRow>();
        Assert.All(records, r => Assert.Equal(ticket, r.TicketNumber));
        Assert.Contains("(Email:AutoReplyLimit:PerSenderPerHour is 1)", records.Single(r => r.Reason is not null).Reason, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Single(await MailServers.ReadAsync(MailServers.Customer, "INBOX"));
    }
}

public sealed class AutoReplyLimitOnSqliteTests(ITestOutputHelper output) : AutoReplyLimitTests(output, StorageProvider.Sqlite);

public sealed class AutoReplyLimitOnPostgreSqlTests(ITestOutputHelper output) : AutoReplyLimitTests(output, StorageProvider.PostgreSql);

public sealed class AutoReplyLimitSettingOnSqliteTests(ITestOutputHelper output) : AutoReplyLimitSettingTests(output, StorageProvider.Sqlite);

public sealed class AutoReplyLimitSettingOnPostgreSqlTests(ITestOutputHelper output) : AutoReplyLimitSettingTests(output, StorageProvider.PostgreSql);
