using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>What the customer may say at any point: a human, cancel, start over, help, another language, a new problem, abuse.</summary>
public sealed class InterruptionTranscriptTests
{
    [Theory]
    [InlineData("de-DE", "Ich möchte mit einem Menschen sprechen", "Menschen")]
    [InlineData("de-DE", "Mitarbeiter", "Menschen")]
    [InlineData("en-US", "real person please", "person")]
    [InlineData("en-US", "human", "person")]
    public async Task Asking_for_a_human_mid_flow_hands_over_the_open_request(string locale, string ask, string reply)
    {
        var host = new SupportTestHost { Desk = { AgentAvailable = true } };
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation()
            .Send(locale == "de-DE" ? "Mein WLAN geht nicht" : "My WiFi isn't working").AssertReply(".").AssertReply("\\?")
            .Send(ask).AssertReply(reply).AssertReply(locale == "de-DE" ? "Wer ist davon betroffen" : "Who is affected")
            .Send("1").AssertReply("\\?")
            .Send("2").AssertReply("\\?")
            .Send("Anna Schmidt").AssertReply("FL-")
            .StartTestAsync();

        var ticket = Assert.Single(host.Desk.Tickets).Value;
        Assert.Equal(DeskTicketStatus.HandedOff, ticket.Status);
        Assert.Equal(HandoffReason.CustomerAsked, ticket.Handoff!.Reason);
        Assert.Equal("network", ticket.Handoff.Queue);
    }

    [Fact]
    public async Task Neuer_Mitarbeiter_is_a_request_not_a_call_for_a_human()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Neuer Mitarbeiter braucht Zugänge").AssertReply("Neue Mitarbeitende")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("de-DE", "Meine Maus geht nicht", "abbrechen", "abgebrochen")]
    [InlineData("en-US", "My mouse isn't working", "cancel", "cancelled")]
    public async Task Cancel_withdraws_the_request(string locale, string problem, string cancel, string reply)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation().Send(problem).Send(cancel).AssertReply(reply).StartTestAsync();
        Assert.Equal(DeskTicketStatus.Withdrawn, host.Desk.Last.Status);
    }

    [Theory]
    [InlineData("de-DE", "Meine Maus geht nicht", "von vorn", "von vorn an", "Ich habe mein Passwort vergessen", "Passwort vergessen")]
    [InlineData("en-US", "My mouse isn't working", "start over", "start over", "I forgot my password", "Forgot your password")]
    public async Task Start_over_forgets_the_request_and_takes_a_new_one(string locale, string problem, string command, string reply, string next, string article)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation().Send(problem).Send(command).AssertReply(reply).Send(next).AssertReply(article).StartTestAsync();
        Assert.Equal(2, host.Desk.Tickets.Count);
        Assert.Contains(host.Desk.Tickets.Values, t => t.Status == DeskTicketStatus.Withdrawn);
    }

    [Theory]
    [InlineData("de-DE", "Ich habe mein Passwort vergessen", "hilfe", "Ich helfe bei IT-Problemen", "Hat das geholfen?")]
    [InlineData("en-US", "I forgot my password", "help", "I help with IT problems", "Did that help?")]
    public async Task Help_explains_and_asks_the_waiting_question_again(string locale, string problem, string help, string reply, string question)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation().Send(problem).Send(help).AssertReply(reply).AssertReply(question).StartTestAsync();
    }

    [Fact]
    public async Task Switching_to_english_mid_answer_shows_the_article_again_in_english()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("Ich habe mein Passwort vergessen").AssertReply("Passwort vergessen").AssertReply("Hat das geholfen?")
            .Send("English please").AssertReply("in English").AssertReply("Forgot your password").AssertReply("Did that help?").AssertSuggestedActions("Yes", "No")
            .Send("yes").AssertReply("glad")
            .StartTestAsync();
        Assert.Single(host.Desk.Tickets);
    }

    [Fact]
    public async Task Writing_in_german_to_an_english_client_switches_to_german()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation().AssertReply("Hello")
            .Send("Guten Morgen, ich habe leider mein Passwort vergessen und komme nicht mehr rein").AssertReply("Deutsch")
            .StartTestAsync();
        Assert.Equal("de", host.Desk.Last.Request.Customer.Language);
    }

    [Theory]
    [InlineData("de-DE", "Meine Maus geht nicht", "Ach egal, eigentlich habe ich mein Passwort vergessen", "neues Thema", "Passwort")]
    [InlineData("en-US", "My mouse isn't working", "Forget that, actually I forgot my password", "new topic", "password")]
    public async Task A_new_problem_mid_flow_starts_a_new_request(string locale, string first, string second, string reply, string topic)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation().Send(first).Send(second).AssertReply(reply).AssertReply(topic).StartTestAsync();
        Assert.Equal(2, host.Desk.Tickets.Count);
        Assert.Contains(host.Desk.Tickets.Values, t => t.Status == DeskTicketStatus.Withdrawn);
    }

    [Theory]
    [InlineData("de-DE", "Du blöder Idiot", "verstehe, dass Sie sich ärgern", "Hat das geholfen?")]
    [InlineData("en-US", "you stupid idiot", "understand this is frustrating", "Did that help?")]
    public async Task Abuse_is_answered_calmly_and_the_question_asked_again(string locale, string abuse, string calm, string question)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation()
            .Send(locale == "de-DE" ? "Ich habe mein Passwort vergessen" : "I forgot my password")
            .Send(abuse).AssertReply(calm).AssertReply(question)
            .Send(locale == "de-DE" ? "Nein" : "No").AssertReply(".").AssertReply("\\?")
            .Send(locale == "de-DE" ? "Nur ich" : "Just me").AssertReply("\\?")
            .Send(locale == "de-DE" ? "Nur eingeschränkt" : "Only partly").AssertReply("\\?")
            .Send("Anna Schmidt").AssertReply("\\?")
            .Send("anna@example.com").AssertReply("FL-")
            .StartTestAsync();

        // Only me and impaired is P4; the abuse raises it by one, with the reason kept.
        var priority = host.Desk.Last.Handoff!.Priority;
        Assert.Equal(Priority.P3, priority.Priority);
        Assert.Contains(priority.Rationale, r => r.Factor == PriorityFactor.StrongFrustration);
    }
}
