using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("jo", "yes")]
    [InlineData("passt", "yes")]
    [InlineData("Ja", "yes")]
    [InlineData("1", "yes")]
    [InlineData("nicht wirklich", "no")]
    [InlineData("Nein", "no")]
    [InlineData("2", "no")]
    public async Task Understands_german_answers(string answer, string expected)
    {
        await AskOnce.Flow(new ConfirmPrompt("confirm"), Options, locale: "de-DE")
            .Send("Hallo")
            .AssertReply("Hat das geholfen?")
            .AssertSuggestedActions("Ja", "Nein")
            .Send(answer)
            .AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yep", "yes")]
    [InlineData("sure", "yes")]
    [InlineData("nope", "no")]
    [InlineData("not really", "no")]
    public async Task Understands_english_answers_with_english_buttons(string answer, string expected)
    {
        await AskOnce.Flow(new ConfirmPrompt("confirm"), Options, locale: "en-GB")
            .Send("Hello")
            .AssertReply("Hat das geholfen?")
            .AssertSuggestedActions("Yes", "No")
            .Send(answer)
            .AssertReply($"result: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task Retries_in_the_customers_language()
    {
        await AskOnce.Flow(new ConfirmPrompt("confirm"), Options, locale: "de-DE")
            .Send("Hallo")
            .Send("vielleicht")
            .AssertReply("Bitte antworten Sie mit „Ja“ oder „Nein“.")
            .AssertSuggestedActions("Ja", "Nein")
            .WithLocale("en-US")
            .Send("maybe")
            .AssertReply("Please answer \"yes\" or \"no\".")
            .AssertSuggestedActions("Yes", "No")
            .Send("yes")
            .AssertReply("result: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task Custom_labels_mean_yes_then_no()
    {
        await AskOnce.Flow(new ConfirmPrompt("confirm"), () => new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity("Sollen wir Sie zurückrufen?"),
            Choices = [new("Bitte zurückrufen"), new("Lieber per E-Mail")],
        })
            .Send("Hallo")
            .AssertReply("zurückrufen?")
            .AssertSuggestedActions("Bitte zurückrufen", "Lieber per E-Mail")
            .Send("Lieber per E-Mail")
            .AssertReply("result: no")
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_up_after_max_attempts()
    {
        await AskOnce.Flow(new ConfirmPrompt("confirm"), Options)
            .Send("Hallo")
            .Send("hm").AssertReply("Bitte antworten Sie")
            .Send("weiß nicht").AssertReply("Bitte antworten Sie")
            .Send("egal").AssertReply("result: gave up after 3")
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = Activity.CreateMessageActivity("Hat das geholfen?") };
}
