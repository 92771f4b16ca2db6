using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task Returns_the_trimmed_answer()
    {
        await AskOnce.Flow(new TextPrompt("text"), Options)
            .Send("Hallo")
            .AssertReply("Was ist passiert?")
            .Send("  Outlook startet nicht  ")
            .AssertReply("^result: Outlook startet nicht$")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_blank_answer_gets_the_hint_and_the_question_again()
    {
        await AskOnce.Flow(new TextPrompt("text"), Options)
            .Send("Hallo")
            .Send("   ")
            .AssertReply("Bitte schreiben Sie mir Ihre Antwort in ein paar Worten.\n\nWas ist passiert?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_decides_and_its_own_message_replaces_the_retry()
    {
        PromptValidator<string> atLeastThreeWords = async (prompt, ct) =>
        {
            if (prompt.Recognized.Value?.Split(' ').Length >= 3)
            {
                return true;
            }

            await prompt.Context.SendActivityAsync("Bitte beschreiben Sie es etwas genauer.", cancellationToken: ct);
            return false;
        };
        await AskOnce.Flow(new TextPrompt("text", atLeastThreeWords), Options)
            .Send("Hallo")
            .Send("kaputt")
            .AssertReply("etwas genauer")
            .AssertNoReply()
            .Send("Der Laptop startet nicht")
            .AssertReply("result: Der Laptop startet nicht")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_sees_the_attempt_count_and_its_data_after_a_restart()
    {
        PromptValidator<string> check = (prompt, _) =>
            Task.FromResult(prompt.AttemptCount == 2 && prompt.Options.GetValidations<string>() == "zweiter Versuch zählt");
        await AskOnce.Flow(new TextPrompt("text", check), () => new PromptOptions { Prompt = Activity.CreateMessageActivity("Was ist passiert?"), Validations = "zweiter Versuch zählt" })
            .Send("Hallo")
            .Send("eins").AssertReply("Bitte schreiben Sie")
            .Restart()
            .Send("zwei").AssertReply("result: zwei")
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_up_with_PromptAttemptsExhausted_after_max_attempts()
    {
        await AskOnce.Flow(new TextPrompt("text", (_, _) => Task.FromResult(false)), () => new PromptOptions { Prompt = Activity.CreateMessageActivity("Was ist passiert?"), MaxAttempts = 2 })
            .Send("Hallo")
            .Send("a").AssertReply("Bitte schreiben Sie")
            .Send("b").AssertReply("result: gave up after 2")
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = Activity.CreateMessageActivity("Was ist passiert?") };
}
