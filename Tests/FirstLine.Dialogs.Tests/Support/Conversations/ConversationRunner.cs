using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Tests.Harness;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Conversations;

/// <summary>Runs a script through the support bot in process and reads the outcome from the desk.</summary>
public static class ConversationRunner
{
    public static async Task<ConversationRun> RunAsync(ConversationScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var host = new SupportTestHost();
        var knowledgeBase = await SupportTestHost.KnowledgeBaseAsync();
        var email = script.Channel == "email";
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = script.Channel ?? "directline",
            ServiceUrl = "https://test.invalid/",
            Conversation = new ConversationAccount($"script-{script.Id}"),
            User = email ? new ChannelAccount("karin.kunde@example.com", "Karin Kunde", RoleTypes.User) : new ChannelAccount("webchat-user", null, RoleTypes.User),
            Bot = new ChannelAccount("bot", "FirstLine", RoleTypes.Bot),
            Locale = script.Locale,
        });
        var flow = new TestFlow(adapter, host.NewBot(knowledgeBase));
        if (!email)
        {
            flow.StartConversation();
        }

        foreach (var turn in script.Turns)
        {
            flow.Send(turn);
        }

        await flow.StartTestAsync();
        var ticket = host.Desk.Tickets.IsEmpty ? null : host.Desk.Last;
        var outcome = ticket?.Status switch
        {
            DeskTicketStatus.Resolved => "resolved",
            DeskTicketStatus.HandedOff => "escalated",
            DeskTicketStatus.Withdrawn => "withdrawn",
            DeskTicketStatus.Open => "open",
            _ => "no ticket",
        };
        return new ConversationRun(script, outcome, ticket, flow.Transcript);
    }
}

/// <summary>How a scripted conversation ended.</summary>
public sealed record ConversationRun(ConversationScript Script, string Outcome, DeskTicket? Ticket, string Transcript)
{
    /// <summary>What is wrong with the outcome, or null when it is as expected.</summary>
    public string? Problem()
    {
        var expect = Script.Expect;
        if (Outcome != expect.Outcome)
        {
            return $"expected {expect.Outcome}, but it ended {Outcome}";
        }

        if (expect.Article is not null && Ticket?.Resolution?.ArticleId != expect.Article)
        {
            return $"expected it solved by {expect.Article}, but by {Ticket?.Resolution?.ArticleId}";
        }

        if (Outcome == "escalated")
        {
            var priority = Ticket?.Handoff?.Priority;
            if (priority is null || priority.Rationale.Count == 0)
            {
                return "escalated without a priority and its rationale";
            }

            if (expect.MinPriority is not null && priority.Priority > Enum.Parse<FirstLine.Dialogs.Support.Desk.Priority>(expect.MinPriority))
            {
                return $"expected at least {expect.MinPriority}, got {priority.Priority} ({string.Join("; ", priority.Rationale.Select(r => r.Detail))})";
            }
        }

        return null;
    }
}
