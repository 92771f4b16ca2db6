using System.Text.Json;
using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Tests.Harness;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>A human agent gives the conversation back (handoff.status "completed"): the bot asks how satisfied the customer is.</summary>
public sealed class HandbackTranscriptTests
{
    [Fact]
    public async Task German_customer_handed_to_an_agent_is_asked_for_a_rating_when_the_agent_is_done()
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation().AssertReply("Hallo")
            .Send("Ich möchte mit einem Menschen sprechen").AssertReply("Menschen").AssertReply("Worum geht es")
            .Send("Der Drucker im 2. Stock zeigt Fehler 50.4").AssertReply("Wer ist davon betroffen")
            .Send("Nur ich").AssertReply("arbeiten")
            .Send("1").AssertReply("Wie heißen Sie")
            .Send("Tom Berg").AssertReply("Ticketnummer ist FL-")
            .Send(a => Completed(a, new { state = "completed", ticket = host.Desk.Last.Number }))
            .AssertReply("Wie zufrieden sind Sie mit der Hilfe unseres Support-Teams").AssertSuggestedActions("1", "2", "3", "4", "5")
            .Send("4").AssertReply("noch etwas sagen")
            .Send("Sehr freundlich, danke").AssertReply("Danke für Ihre Rückmeldung")
            .StartTestAsync();

        var ticket = host.Desk.Last;
        Assert.Equal(DeskTicketStatus.HandedOff, ticket.Status);
        Assert.Equal(4, ticket.Satisfaction!.Rating);
        Assert.Equal("Sehr freundlich, danke", ticket.Satisfaction.Comment);
    }

    [Fact]
    public async Task English_status_from_the_wire_without_a_ticket_rates_the_request_of_the_conversation()
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation().AssertReply("Hello")
            .Send("I want to talk to a human").AssertReply("person").AssertReply("What is it about")
            .Send("The printer on the 2nd floor shows error 50.4").AssertReply("Who is affected")
            .Send("Just me").AssertReply("Can you work")
            .Send("3").AssertReply("name")
            .Send("Kim Park").AssertReply("ticket number is FL-")
            .Send(a => Completed(a, JsonDocument.Parse("""{"state":"completed","message":"done"}""").RootElement.Clone()))
            .AssertReply("How happy are you with the help from our support team")
            .Send("5").AssertReply("Anything else")
            .Send("No, thanks").AssertReply("Thank you for your feedback")
            .StartTestAsync();

        Assert.Equal(5, host.Desk.Last.Satisfaction!.Rating);
        Assert.Null(host.Desk.Last.Satisfaction.Comment);
    }

    [Fact]
    public async Task A_question_pending_from_before_the_handoff_gives_way_to_the_survey()
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        await (await SurveyedWhileAskedWhoIsAffectedAsync(host))
            .Send("2").AssertReply("Anything else")
            .Send("No, thanks").AssertReply("Thank you for your feedback")
            .Send("Just me").AssertReply(a => !a.Text!.Contains("Can you work", StringComparison.Ordinal), "no question left over from before")
            .StartTestAsync();

        var rated = host.Desk.Tickets.Values.OrderBy(t => t.Sequence).First();
        Assert.Equal(2, rated.Satisfaction!.Rating);
    }

    [Fact]
    public async Task A_sentence_instead_of_a_rating_is_taken_as_a_new_request_and_a_short_one_is_asked_again()
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        await (await SurveyedWhileAskedWhoIsAffectedAsync(host))
            .Send("very good").AssertReply("number from 1 to 5")
            .Send("I forgot my password").AssertReply("Forgot your password")
            .StartTestAsync();

        Assert.All(host.Desk.Tickets.Values, t => Assert.Null(t.Satisfaction));
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("failed")]
    public async Task Other_handoff_states_leave_the_bot_silent(string state)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation().AssertReply("Hello")
            .Send(a => Completed(a, new { state }))
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>The agent's "completed" arrives while the bot's question from before the handoff still waits.</summary>
    private static async Task<TestFlow> SurveyedWhileAskedWhoIsAffectedAsync(SupportTestHost host) =>
        (await host.ChatAsync("en-US")).StartConversation().AssertReply("Hello")
            .Send("I want to talk to a human").AssertReply("person").AssertReply("What is it about")
            .Send("My laptop makes a strange noise").AssertReply("Who is affected")
            .Send(a => Completed(a, new { state = "completed", ticket = host.Desk.Last.Number }))
            .AssertReply("How happy are you with the help from our support team");

    private static Activity Completed(TestAdapter adapter, object value)
    {
        var signal = Activity.CreateEventActivity(HandoffEventNames.HandoffStatus, value).ApplyConversationReference(adapter.Conversation, isIncoming: true);
        signal.Locale = adapter.Locale;
        return signal;
    }
}
