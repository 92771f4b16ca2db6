using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>Guided troubleshooting: step by step with buttons, solved, escalated with a diagnosis, an answer corrected.</summary>
public sealed class FlowTranscriptTests
{
    [Fact]
    public async Task German_flow_is_solved_step_by_step()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Mein WLAN geht nicht").AssertReply("Schritt für Schritt").AssertReply("Flugzeugmodus").AssertSuggestedActions("Ja", "Nein", "Weiß nicht")
            .Send("Ja").AssertReply("Kollegen oder auf Ihrem Handy")
            .Send("ja").AssertReply("Nicht speichern").AssertSuggestedActions("Ja", "Nein")
            .Send("passt").AssertReply("wieder online").AssertReply("Prima").AssertReply("zufrieden")
            .StartTestAsync();

        var ticket = host.Desk.Last;
        Assert.Equal("wlan-connect", ticket.Resolution!.ArticleId);
        var attempt = Assert.Single(ticket.Attempts);
        Assert.Equal(AttemptKind.GuidedFlow, attempt.Kind);
        Assert.Equal(["wifi-on", "other-devices", "reconnect"], attempt.Steps.Select(s => s.StepId));
    }

    [Fact]
    public async Task English_flow_escalates_with_its_diagnosis_and_priority_from_the_text()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("My WiFi isn't working and I can't work at all").AssertReply("step by step").AssertReply("airplane mode")
            .Send("Yes").AssertReply("colleagues or on your phone")
            .Send("No").AssertReply("outage").AssertReply("Who is affected?")
            .Send("The whole company").AssertReply("What's your name")
            .Send("Chris Taylor").AssertReply("email address")
            .Send("chris.taylor@example.com").AssertReply("ticket number is FL-")
            .StartTestAsync();

        var handoff = host.Desk.Last.Handoff!;
        Assert.Equal("network", handoff.Queue);
        Assert.Contains("Access Point", handoff.Diagnosis, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Urgency.CannotWork, handoff.Priority.Urgency);
        Assert.Contains(handoff.Priority.Rationale, r => r.Factor == PriorityFactor.UrgencyFromText);
        Assert.Equal(Priority.P1, handoff.Priority.Priority);
    }

    [Fact]
    public async Task German_wrong_answer_is_taken_back_with_zurueck()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Mein Netzlaufwerk ist weg").AssertReply("Schritt für Schritt").AssertReply("Büro")
            .Send("Im Büro").AssertReply("Öffnet sich")
            .Send("zurück").AssertReply("korrigiert").AssertReply("Büro")
            .Send("Homeoffice/unterwegs").AssertReply("VPN")
            .StartTestAsync();
    }

    [Fact]
    public async Task English_wrong_answer_is_corrected_with_i_meant()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("My WiFi isn't working").AssertReply("step by step").AssertReply("airplane mode")
            .Send("No").AssertReply("list of WiFi networks")
            .Send("sorry, I meant yes").AssertReply("corrected").AssertReply("colleagues or on your phone")
            .Send("Yes").AssertReply("Forget")
            .StartTestAsync();

        Assert.Equal(DeskTicketStatus.Open, host.Desk.Last.Status);
    }
}
