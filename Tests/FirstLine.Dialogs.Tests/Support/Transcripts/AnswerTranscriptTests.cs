using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>Articles shown as steps: "Hat das geholfen?", the next candidate after a "no", and "Meinten Sie …?".</summary>
public sealed class AnswerTranscriptTests
{
    [Fact]
    public async Task German_answer_helps_and_is_rated()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation().AssertReply("Hallo.*virtuelle Assistent.*Mensch")
            .Send("Ich habe mein Passwort vergessen").AssertReply("Passwort vergessen").AssertReply("Hat das geholfen?").AssertSuggestedActions("Ja", "Nein")
            .Send("ja").AssertReply("Prima").AssertReply("1 = gar nicht").AssertSuggestedActions("1", "2", "3", "4", "5")
            .Send("4").AssertReply("noch etwas sagen").AssertSuggestedActions("Nein, danke")
            .Send("Sehr schnell, danke. Meine Nummer ist 0171 2345678").AssertReply("Danke für Ihre Rückmeldung")
            .StartTestAsync();

        var ticket = host.Desk.Last;
        Assert.Equal(DeskTicketStatus.Resolved, ticket.Status);
        Assert.Equal("password-reset", ticket.Resolution!.ArticleId);
        Assert.Equal(4, ticket.Satisfaction!.Rating);
        Assert.DoesNotContain("2345678", ticket.Satisfaction.Comment, StringComparison.Ordinal);
        Assert.Equal("de", ticket.Request.Customer.Language);
    }

    [Fact]
    public async Task English_answer_helps_and_is_rated()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation().AssertReply("Hello.*virtual assistant.*person")
            .Send("I forgot my password").AssertReply("Forgot your password").AssertReply("Did that help?").AssertSuggestedActions("Yes", "No")
            .Send("yep").AssertReply("glad").AssertReply("1 = not at all")
            .Send("5").AssertReply("Anything else")
            .Send("No, thanks").AssertReply("Thank you for your feedback")
            .StartTestAsync();

        Assert.Equal("password-reset", host.Desk.Last.Resolution!.ArticleId);
        Assert.Null(host.Desk.Last.Satisfaction!.Comment);
    }

    [Fact]
    public async Task German_no_tries_the_next_candidate_then_hands_over()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Ich habe eine komische E-Mail bekommen").AssertReply("Meinten Sie")
            .Send("1").AssertReply("Phishing").AssertReply("Hat das geholfen?")
            .Send("Nein").AssertReply("Dann versuchen wir etwas anderes").AssertReply("Schritt für Schritt").AssertReply("Was haben Sie")
            .Send("Nur Link angeklickt").AssertReply("eingegeben")
            .Send("Nein").AssertReply(".").AssertReply("Wer ist davon betroffen?").AssertSuggestedActions("Nur ich", "Mein Team", "Die ganze Firma")
            .Send("Nur ich").AssertReply("Können Sie im Moment arbeiten?")
            .Send("Ja, normal").AssertReply("Wie heißen Sie?")
            .Send("Tom Berg").AssertReply("E-Mail-Adresse")
            .Send("tom.berg@example.com").AssertReply("Ticketnummer ist FL-")
            .StartTestAsync();

        var ticket = host.Desk.Last;
        Assert.Equal(DeskTicketStatus.HandedOff, ticket.Status);
        Assert.Equal(["phishing-report", "clicked-suspicious-link"], ticket.Attempts.Select(a => a.ArticleId));
        Assert.Equal(AttemptOutcome.DidNotHelp, ticket.Attempts[0].Outcome);
        Assert.Equal(AttemptOutcome.FlowEscalated, ticket.Attempts[1].Outcome);
        Assert.Equal(2, ticket.Attempts[1].Steps.Count);
        Assert.Equal(HandoffReason.FlowEscalated, ticket.Handoff!.Reason);
        Assert.Equal("security", ticket.Handoff.Queue);

        // Only me and I can work would be P4; the guided diagnosis says P2 and wins, with its reason kept.
        Assert.Equal(Priority.P2, ticket.Handoff.Priority.Priority);
        Assert.Contains(ticket.Handoff.Priority.Rationale, r => r.Factor == PriorityFactor.GuidedFlowHint);
        Assert.Contains(ticket.Handoff.Priority.Rationale, r => r.Factor == PriorityFactor.ImpactAnswered);
        Assert.Equal(new ContactDetails("Tom Berg", "tom.berg@example.com"), ticket.Contact);
    }

    [Fact]
    public async Task English_no_after_a_plain_article_hands_over_when_no_other_article_fits()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("I need a new program installed on my laptop").AssertReply("guide").AssertReply("Did that help?")
            .Send("nope").AssertReply("colleague").AssertReply("Who is affected?")
            .Send("my team").AssertReply("Can you work")
            .Send("3").AssertReply("What's your name")
            .Send("Kim Park").AssertReply("email address")
            .Send("not an address").AssertReply("doesn't look like an email")
            .Send("kim.park@example.com").AssertReply("Your ticket number is FL-")
            .StartTestAsync();

        var handoff = host.Desk.Last.Handoff!;
        Assert.Equal(HandoffReason.SolutionsFailed, handoff.Reason);
        Assert.Equal(Impact.Team, handoff.Priority.Impact);
        Assert.Equal(Urgency.CannotWork, handoff.Priority.Urgency);
        Assert.Equal(Priority.P2, handoff.Priority.Priority);
        Assert.Contains("Tried", handoff.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_clarify_offers_topics_and_takes_the_pick()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Drucker").AssertReply(a => a.Text!.Contains("Meinten Sie", StringComparison.Ordinal) && a.SuggestedActions!.Actions!.Count is >= 2 and <= 4 && a.SuggestedActions.Actions[^1].Title == "Nichts davon", "2–3 topics and „Nichts davon“")
            .Send("Drucker druckt nicht").AssertReply("Schritt für Schritt").AssertReply("Fehler")
            .StartTestAsync();

        Assert.Equal(DeskTicketStatus.Open, host.Desk.Last.Status);
    }

    [Fact]
    public async Task English_clarify_none_of_these_asks_for_more_then_offers_a_human()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("printer").AssertReply("Did you mean")
            .Send("None of these").AssertReply("describe it a little more")
            .Send("The office coffee machine shows a red light").AssertReply("don't have a matching guide").AssertReply("Shall I pass")
            .Send("no").AssertReply("All right")
            .StartTestAsync();

        Assert.Equal(DeskTicketStatus.Withdrawn, host.Desk.Last.Status);
    }
}
