using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

public sealed class ChoicePromptTests
{
    [Fact]
    public async Task Shows_the_choices_as_buttons_and_returns_the_pick()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), Options)
            .Send("Hallo")
            .AssertReply("Worum geht es?")
            .AssertSuggestedActions("Drucker", "WLAN", "Passwort")
            .Send("die zweite")
            .AssertReply("result: WLAN #1")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_button_value_gets_a_hint_and_the_buttons_again_and_state_survives_a_restart()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), Options)
            .Send("Hallo")
            .AssertReply("Worum geht es?")
            .Send("Bildschirm")
            .AssertReply("^Bitte wählen Sie eine der Möglichkeiten\\. .*\\n\\nWorum geht es\\?$")
            .AssertSuggestedActions("Drucker", "WLAN", "Passwort")
            .Restart()
            .Send("Kennwort")
            .AssertReply("result: Passwort #2")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_list_style_numbers_the_choices_in_the_text()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), () => Options(ListStyle.List))
            .Send("Hallo")
            .AssertReply("Worum geht es\\?\\n\\n1\\. Drucker\\n2\\. WLAN\\n3\\. Passwort")
            .AssertNoSuggestedActions()
            .Send("3")
            .AssertReply("result: Passwort #2")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_channel_without_buttons_gets_a_numbered_list()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), Options, channelId: "email")
            .Send("Hallo")
            .AssertReply("1. Drucker")
            .AssertNoSuggestedActions()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_retry_prompt_replaces_the_default_hint()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), () =>
            {
                var options = Options();
                options.RetryPrompt = Activity.CreateMessageActivity("Drucker, WLAN oder Passwort?");
                return options;
            })
            .Send("Hallo")
            .Send("keine Ahnung")
            .AssertReply("^Drucker, WLAN oder Passwort\\?$")
            .AssertSuggestedActions("Drucker", "WLAN", "Passwort")
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_up_after_max_attempts()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), () => Options(maxAttempts: 2))
            .Send("Hallo")
            .Send("hm")
            .AssertReply("Bitte wählen Sie")
            .Send("hmm")
            .AssertReply("result: gave up after 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_can_refuse_a_recognised_choice_with_its_own_words()
    {
        PromptValidator<FoundChoice> noPrinters = async (prompt, ct) =>
        {
            if (prompt.Recognized.Value?.Value == "Drucker")
            {
                await prompt.Context.SendActivityAsync($"Drucker sind heute ausgefallen (Versuch {prompt.AttemptCount}).", cancellationToken: ct);
                return false;
            }

            return prompt.Recognized.Succeeded;
        };
        await AskOnce.Flow(new ChoicePrompt("choice", noPrinters), Options)
            .Send("Hallo")
            .Send("Drucker")
            .AssertReply("Drucker sind heute ausgefallen (Versuch 1).")
            .AssertNoReply()
            .Send("WLAN")
            .AssertReply("result: WLAN #1")
            .StartTestAsync();
    }

    [Fact]
    public async Task Buttons_may_carry_their_own_action()
    {
        await AskOnce.Flow(new ChoicePrompt("choice"), () => new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity("Wie zufrieden sind Sie?"),
            Choices = [new("5") { Action = CardAction.ImBack("⭐⭐⭐⭐⭐", "5") }, new("1") { Action = CardAction.ImBack("⭐", "1") }],
        })
            .Send("Hallo")
            .AssertReply("Wie zufrieden")
            .AssertSuggestedActions("⭐⭐⭐⭐⭐", "⭐")
            .Send("1")
            .AssertReply("result: 1 #1")
            .StartTestAsync();
    }

    private static PromptOptions Options() => Options(ListStyle.SuggestedAction);

    private static PromptOptions Options(ListStyle style = ListStyle.SuggestedAction, int maxAttempts = 3) => new()
    {
        Prompt = Activity.CreateMessageActivity("Worum geht es?"),
        Choices = [new("Drucker"), new("WLAN", ["WiFi"]), new("Passwort", ["Kennwort"])],
        Style = style,
        MaxAttempts = maxAttempts,
    };
}
