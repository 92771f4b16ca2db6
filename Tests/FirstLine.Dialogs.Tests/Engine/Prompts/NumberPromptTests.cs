using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("zwei", "de-DE", "2")]
    [InlineData("Wir sind 12 Leute", "de-DE", "12")]
    [InlineData("three", "en-US", "3")]
    public async Task Reads_whole_numbers(string answer, string locale, string expected)
    {
        await AskOnce.Flow(new NumberPrompt<int>("number"), Options, locale)
            .Send("Hallo")
            .Send(answer)
            .AssertReply($"result: {expected}$")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("2,5", "de-DE")]
    [InlineData("2.5", "en-US")]
    public async Task Reads_decimals_in_the_customers_notation(string answer, string locale)
    {
        await AskOnce.Flow(new NumberPrompt<double>("number"), Options, locale)
            .Send("Hallo")
            .Send(answer)
            .AssertReply("result: 2.5$")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_fraction_is_no_answer_when_a_whole_number_is_asked()
    {
        await AskOnce.Flow(new NumberPrompt<int>("number"), Options)
            .Send("Hallo")
            .Send("2,5")
            .AssertReply("Bitte schreiben Sie eine Zahl")
            .Send("3")
            .AssertReply("result: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_checks_the_range_and_the_default_retry_follows()
    {
        PromptValidator<decimal> oneToFive = (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 1 and <= 5);
        await AskOnce.Flow(new NumberPrompt<decimal>("number", oneToFive), Options, "en-US")
            .Send("Hello")
            .Send("7")
            .AssertReply("Please type a number, for example 2.")
            .Send("4")
            .AssertReply("result: 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_up_after_max_attempts()
    {
        await AskOnce.Flow(new NumberPrompt<int>("number"), () => new PromptOptions { Prompt = Activity.CreateMessageActivity("Wie viele?"), MaxAttempts = 1 })
            .Send("Hallo")
            .Send("viele")
            .AssertReply("result: gave up after 1")
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = Activity.CreateMessageActivity("Wie viele Personen sind betroffen?") };
}
