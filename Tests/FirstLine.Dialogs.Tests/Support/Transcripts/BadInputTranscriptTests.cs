using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Transcripts;

/// <summary>Empty, emoji-only, huge and scripted messages, floods and unknown buttons: a clear answer, never a crash.</summary>
public sealed class BadInputTranscriptTests
{
    [Theory]
    [InlineData("de-DE", "", "leer")]
    [InlineData("de-DE", "   ", "leer")]
    [InlineData("en-US", null, "empty")]
    [InlineData("de-DE", "😡😡😡", "in Worten")]
    [InlineData("en-US", "🙈 ?!", "in words")]
    public async Task Empty_or_emoji_only_asks_for_words_and_opens_no_ticket(string locale, string? text, string reply)
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync(locale);
        await flow.StartConversation().Send(text).AssertReply(reply).StartTestAsync();
        Assert.Empty(host.Desk.Tickets);
    }

    [Fact]
    public async Task Ten_thousand_characters_are_read_from_the_beginning()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        var text = "I forgot my password. " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 400));
        Assert.True(text.Length > 10_000);
        await flow.StartConversation().Send(text).AssertReply("very long").StartTestAsync();
        Assert.True(host.Desk.Last.Request.Description.Length <= host.Options.MaxMessageLength);
    }

    [Fact]
    public async Task Script_and_html_never_reach_the_ticket()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation()
            .Send("<script>alert('x')</script><b>Mein Passwort</b> ist abgelaufen <img src=x onerror=alert(1)>").AssertReply("Passwort")
            .StartTestAsync();
        var description = host.Desk.Last.Request.Description;
        Assert.DoesNotContain("<", description, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_redacted_before_the_ticket_is_opened()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        await flow.StartConversation().Send("Mein Passwort Sommer2024! ist abgelaufen, meine Mail ist max.muster@example.com").StartTestAsync();
        var ticket = host.Desk.Last.Request;
        Assert.DoesNotContain("max.muster@example.com", ticket.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("max.muster@example.com", ticket.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_while_a_question_waits_ends_with_a_human_not_a_loop()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("de-DE");
        flow.StartConversation().Send("Ich habe mein Passwort vergessen").AssertReply("Passwort").AssertReply("Hat das geholfen?");
        flow.Send("???").AssertReply("Ja.*Nein");
        flow.Send("asdf").AssertReply("Ja.*Nein");
        flow.Send("qwertz").AssertReply("weiter");
        await flow.StartTestAsync();
        Assert.Equal(Dialogs.Support.Desk.AttemptOutcome.Abandoned, Assert.Single(host.Desk.Last.Attempts).Outcome);
    }

    [Fact]
    public async Task An_unknown_button_value_is_asked_again()
    {
        var host = new SupportTestHost();
        var flow = await host.ChatAsync("en-US");
        await flow.StartConversation()
            .Send("My WiFi isn't working").AssertReply("step by step").AssertReply("airplane mode")
            .Send(adapter =>
            {
                var activity = adapter.MakeMessage(null);
                activity.Value = "button-that-never-existed";
                return activity;
            })
            .AssertReply("pick one of the answers")
            .StartTestAsync();
    }
}
