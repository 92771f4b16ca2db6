using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>Impact and urgency come from the customer's words when they say so; otherwise at most two short questions.</summary>
public sealed class PriorityTranscriptTests
{
    [Fact]
    public async Task German_priority_taken_from_the_text_asks_nothing()
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Mitarbeiter bitte").AssertReply("Menschen").AssertReply("Worum geht es")
            .Send("Der Server ist down, die ganze Firma kann nicht arbeiten").AssertReply("Wie heißen Sie")
            .Send("Eva Braun").AssertReply("Kollege meldet sich gleich hier im Chat")
            .StartTestAsync();

        var priority = host.Desk.Last.Handoff!.Priority;
        Assert.Equal(Priority.P1, priority.Priority);
        Assert.Equal(Impact.Organization, priority.Impact);
        Assert.Equal(Urgency.CannotWork, priority.Urgency);
        Assert.Contains(priority.Rationale, r => r.Factor == PriorityFactor.ImpactFromText);
        Assert.Contains(priority.Rationale, r => r.Factor == PriorityFactor.UrgencyFromText);
        Assert.Null(host.Desk.Last.Contact!.Email);
    }

    [Fact]
    public async Task English_priority_asked_in_two_questions_and_raised_by_frustration()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("agent").AssertReply("person").AssertReply("What is it about")
            .Send("This is useless, the scanner at reception keeps jamming").AssertReply("Who is affected?")
            .Send("Just me").AssertReply("Can you work")
            .Send("Only partly").AssertReply("What's your name")
            .StartTestAsync();
        Assert.Equal(DeskTicketStatus.Open, host.Desk.Last.Status);
    }
}
