using FirstLine.Bot.Agents;
using FirstLine.Bot.Email;
using FirstLine.Bot.Tickets;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// Agents answer customers by email through the real servers: replies to email tickets from the ticket API, and
/// chat customers who left before the answer came (omnichannel continuity).
/// </summary>
public sealed class AgentEmailReplyTests(ITestOutputHelper output) : MailServerTest(output)
{
    [Fact]
    public async Task An_agent_reply_from_the_ticket_API_reaches_the_email_customer_as_an_ordinary_threaded_mail_under_the_agents_name()
    {
        var request = CustomerMails.New("Drucker druckt nicht", "Der Drucker im 2. Stock druckt nicht.");
        await MailServers.SendToSupportAsync(request);
        await Host.PollAndSendAsync();
        var automatic = Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
        var ticket = CustomerMails.TicketNumberIn(automatic.Subject);
        var key = await Host.CreateApiKeyAsync();

        var outcome = await Host.ApiAsync(HttpMethod.Post, $"api/tickets/{ticket}/replies", key, new { text = "Bitte tauschen Sie die Tonerkartusche.\nViele Grüße" });
        await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None);

        Assert.True(outcome.GetProperty("delivered").GetBoolean());
        var agentMail = (await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2)).Single(m => m.MessageId != automatic.MessageId);
        Assert.Contains(await Host.RowsAsync<TicketReplyRow>(), r => r.ActivityId == agentMail.MessageId && r.Status == ReplyStatus.Sent);
        Assert.Equal($"Re: Drucker druckt nicht [{ticket}]", agentMail.Subject);
        Assert.Equal(automatic.MessageId, agentMail.InReplyTo);
        Assert.Equal<string?>([request.MessageId, automatic.MessageId], agentMail.References);
        Assert.Null(agentMail.Headers[HeaderId.AutoSubmitted]);
        Assert.Null(agentMail.Headers["X-Auto-Response-Suppress"]);
        var from = Assert.Single(agentMail.From.Mailboxes);
        Assert.Equal((MailServers.Support, "email-tests (FirstLine Support)"), (from.Address, from.Name));
        Assert.Equal(MailServers.Customer, Assert.Single(agentMail.To.Mailboxes).Address);
        Assert.Contains("Bitte tauschen Sie die Tonerkartusche.", agentMail.TextBody, StringComparison.Ordinal);

        // The customer answers the agent's mail: the same conversation and ticket, not a new request.
        await MailServers.SendToSupportAsync(CustomerMails.ReplyTo(agentMail, "Danke, jetzt geht es."));
        await Host.PollAndSendAsync();

        var turns = Bot.Seen.ToArray();
        Assert.Equal(2, turns.Length);
        Assert.Equal(turns[0].Conversation!.Id, turns[1].Conversation!.Id);
        Assert.All(await Host.RowsAsync<EmailMessageRow>(), row => Assert.Equal(ticket, row.TicketNumber));
    }

    [Fact]
    public async Task A_chat_customer_who_left_gets_the_agents_answer_by_email_threaded_to_the_same_ticket_and_their_mail_answer_lands_on_it()
    {
        var chat = await Host.Host.Client.NewConversationAsync(CancellationToken.None);
        await Host.Host.Client.SendMessageAsync(chat, "Mein VPN bricht ständig ab.", CancellationToken.None);
        var ticket = await Host.Get<TicketService>().CreateAsync(
            new NewTicket("directline", chat.ConversationId, "dl-user", "VPN bricht ab", "Mein VPN bricht ständig ab.")
            {
                CustomerName = "Klara Kunde",
                CustomerEmail = MailServers.Customer,
                Language = "de",
                ConversationReferenceJson = $$"""{"channelId":"directline","conversation":{"id":"{{chat.ConversationId}}"},"user":{"id":"dl-user"},"bot":{"id":"firstline"},"locale":"de"}""",
            },
            "bot",
            CancellationToken.None);
        var key = await Host.CreateApiKeyAsync();

        // The customer has just written: the answer goes to the chat only.
        await Host.ApiAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/replies", key, new { text = "Ich sehe mir das an." });
        Assert.Empty(await Host.RowsAsync<EmailOutboxRow>());

        // Silent for longer than Email:ChatAbsentAfter (5 minutes): they left, so the answer also goes by email.
        Host.Host.Clock.Advance(TimeSpan.FromMinutes(6));
        await Host.ApiAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/replies", key, new { text = "Bitte installieren Sie den neuen VPN-Client." });
        await Host.ApiAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/replies", key, new { text = "Danach bitte neu starten." });
        await Host.Outbox.SendDueAsync(MailServers.Support, CancellationToken.None);

        var mails = (await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 2)).OrderBy(m => m.Date).ToList();
        var first = mails.Single(m => m.TextBody?.Contains("VPN-Client", StringComparison.Ordinal) == true);
        var second = mails.Single(m => m.TextBody?.Contains("neu starten", StringComparison.Ordinal) == true);
        Assert.Equal($"Re: VPN bricht ab [{ticket.Number}]", first.Subject);
        Assert.Null(first.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("email-tests (FirstLine Support)", Assert.Single(first.From.Mailboxes).Name);
        Assert.Equal(first.MessageId, second.InReplyTo);
        var chatLog = await Host.Host.Client.GetActivitiesAsync(chat.ConversationId, chat.Token, null, CancellationToken.None);
        Assert.Contains(chatLog.Activities, a => a.Text == "Bitte installieren Sie den neuen VPN-Client.");
        var detail = await Host.ApiAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}", key);
        Assert.Equal(2, detail.GetProperty("audit").EnumerateArray().Count(a => a.GetProperty("action").GetString() == "reply-emailed"));

        // Their answer by mail is added to the chat ticket for the agents; the bot does not start a new conversation.
        var turnsBefore = Bot.Seen.Count;
        await MailServers.SendToSupportAsync(CustomerMails.ReplyTo(second, "Hat geklappt, danke!"));
        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        Assert.Equal(turnsBefore, Bot.Seen.Count);
        var notes = (await Host.ApiAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}", key)).GetProperty("notes").EnumerateArray();
        Assert.Contains(notes, n => n.GetProperty("text").GetString()!.Contains("Hat geklappt, danke!", StringComparison.Ordinal));
        Assert.Equal(ticket.Number, Assert.Single(await Host.RowsAsync<EmailMessageRow>()).TicketNumber);
        Assert.Single(await Host.RowsAsync<TicketRow>());
    }
}
