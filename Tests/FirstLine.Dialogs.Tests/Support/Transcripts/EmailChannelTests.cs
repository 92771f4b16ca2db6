using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Tests.Harness;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>One brain for every channel: by email the same dialogs answer in one message, and the reply continues.</summary>
public sealed class EmailChannelTests
{
    private static async Task<(SupportTestHost Host, TestFlow Flow)> EmailAsync()
    {
        var host = new SupportTestHost();
        var knowledgeBase = await SupportTestHost.KnowledgeBaseAsync();
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = "email",
            ServiceUrl = "https://test.invalid/",
            Conversation = new ConversationAccount("thread-<abc@example.com>"),
            User = new ChannelAccount("karin.kunde@example.com", "Karin Kunde", RoleTypes.User),
            Bot = new ChannelAccount("support@example.com", "IT-Support", RoleTypes.Bot),
        });
        return (host, new TestFlow(adapter, () => host.NewBot(knowledgeBase)));
    }

    [Fact]
    public async Task German_email_gets_the_article_how_to_reply_and_the_ticket_number_without_buttons()
    {
        var (host, flow) = await EmailAsync();
        await flow
            .Send("Guten Tag, mein Postfach ist voll und ich kann keine Mails mehr senden. Was kann ich tun?").AssertReply("Hallo")
            .AssertReply("Ticketnummer: FL-").AssertReply("Postfach").AssertNoSuggestedActions()
            .AssertReply("(?s)Hat das geholfen\\?\\s+Antworten Sie mit „Ja“ oder „Nein“").AssertNoSuggestedActions()
            .Restart()
            .Send("Ja, danke!").AssertReply("Prima").AssertReply("Antworten Sie mit „1“, „2“, „3“, „4“ oder „5“")
            .StartTestAsync();

        var ticket = host.Desk.Last;
        Assert.Equal("mailbox-full", ticket.Resolution!.ArticleId);
        Assert.Equal("email", ticket.Request.Customer.ChannelId);
        Assert.Equal("karin.kunde@example.com", ticket.Request.Customer.Email);
        Assert.Equal("Karin Kunde", ticket.Request.Customer.Name);
    }

    [Fact]
    public async Task English_email_walks_a_guided_flow_one_reply_at_a_time_and_hands_over_without_questions()
    {
        var (host, flow) = await EmailAsync();
        await flow
            .Send("Hi, my WiFi isn't working").AssertReply("Hello").AssertReply("ticket number: FL-")
            .AssertReply("step by step").AssertReply("(?s)airplane mode.*Reply with \"Yes\", \"No\" or \"Not sure\"")
            .Restart()
            .Send("Yes").AssertReply("(?s)colleagues or on your phone.*Reply with")
            .Send("No").AssertReply("outage").AssertReply("by email within about 4 hours")
            .StartTestAsync();

        var priority = host.Desk.Last.Handoff!.Priority;
        Assert.Contains(priority.Rationale, r => r.Factor == Dialogs.Support.Desk.PriorityFactor.ImpactAssumed);
        Assert.Contains(priority.Rationale, r => r.Factor == Dialogs.Support.Desk.PriorityFactor.GuidedFlowHint);
        Assert.DoesNotContain(host.Desk.Calls, c => c.StartsWith("contact", StringComparison.Ordinal));
    }
}
