using FirstLine.Bot.Email;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tickets;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// Two FirstLine nodes in separate processes on one PostgreSQL database (Quartz clustered), both configured with the
/// same real support mailbox: a poll is never run twice at once, and one interrupted by a dead node is finished by the
/// other — one ticket and one answer per mail.
/// </summary>
[Collection("Mail servers")]
public sealed class MailboxFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Quartz's shortest allowed check-in, so the survivor notices the dead node soon.
    private const string FastCheckin = "--Scheduling:ClusterCheckinInterval=00:00:05";
    private MailboxNodes nodes = null!;

    public async Task InitializeAsync() => nodes = await MailboxNodes.OnPostgreSqlAsync(output);

    public async Task DisposeAsync() => await nodes.DisposeAsync();

    [Fact]
    public async Task A_poll_interrupted_by_a_killed_node_is_finished_by_the_other_node_with_one_ticket_and_one_answer_per_mail()
    {
        var requests = await SendAsync(3);
        var a = await nodes.StartAsync("node-a", FastCheckin, "--Email:PauseBeforeMove=00:10:00");
        await a.WaitForLogAsync("committed, pausing", TimeSpan.FromMinutes(2));
        var b = await nodes.StartAsync("node-b", FastCheckin);

        // While node A holds the poll (alive, paused after its first mail), node B does not poll the mailbox too.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Equal(3, (await MailServers.ReadAsync(MailServers.Support, "INBOX")).Count);
        Assert.Single(await nodes.RowsAsync<EmailMessageRow>());

        await a.KillAsync();

        await b.WaitForLogAsync("1 moved after an interruption", TimeSpan.FromMinutes(2));
        await AssertOneTicketAndOneAnswerEachAsync(requests);
    }

    [Fact]
    public async Task Two_nodes_polling_the_same_mailbox_at_once_never_answer_a_mail_twice()
    {
        // Six requests from one customer within a minute: more than the default automatic answers per sender and hour.
        const string EnoughAnswers = "--Email:AutoReplyLimit:PerSenderPerHour=20";
        await nodes.StartAsync("node-a", FastCheckin, EnoughAnswers);
        await nodes.StartAsync("node-b", FastCheckin, EnoughAnswers);

        // Mail arrives while both nodes' schedulers compete for the poll job.
        var requests = new List<MimeMessage>();
        for (var round = 0; round < 3; round++)
        {
            requests.AddRange(await SendAsync(2));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        await AssertOneTicketAndOneAnswerEachAsync(requests);
    }

    private static async Task<List<MimeMessage>> SendAsync(int count)
    {
        var requests = Enumerable.Range(1, count)
            .Select(i => CustomerMails.New($"Anfrage {Guid.NewGuid():N}", $"Mein Drucker Nummer {i} druckt nicht."))
            .ToList();
        foreach (var request in requests)
        {
            await MailServers.SendAsync(request);
        }

        return requests;
    }

    private async Task AssertOneTicketAndOneAnswerEachAsync(IReadOnlyList<MimeMessage> requests)
    {
        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", requests.Count, TimeSpan.FromMinutes(2));
        await MailServers.WaitForAsync(MailServers.Support, MailServers.ProcessedFolder, requests.Count, TimeSpan.FromMinutes(1));

        // A few more polls and outbox runs: still nothing twice.
        await Task.Delay(TimeSpan.FromSeconds(10));
        answers = await MailServers.ReadAsync(MailServers.Customer, "INBOX");
        Assert.Equal(requests.Count, answers.Count);
        Assert.All(requests, request => Assert.Single(answers, a => a.InReplyTo == request.MessageId));
        var handled = await nodes.RowsAsync<EmailMessageRow>();
        Assert.Equal(requests.Select(r => r.MessageId).Order(), handled.Select(h => h.MessageKey).Order());
        Assert.Equal(requests.Count, (await nodes.RowsAsync<TicketRow>()).Count);
        Assert.Equal(requests.Count, handled.Select(h => h.TicketNumber).Distinct().Count());
        Assert.Equal(requests.Count, (await nodes.RowsAsync<EmailOutboxRow>()).Count(o => o.SentAt is not null));
        Assert.Empty(await MailServers.ReadAsync(MailServers.Support, "INBOX"));
    }
}
