using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Prompts;

/// <summary>What customers really send while a prompt waits: nothing, emoji, a novel, a flood, a typing event.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Prompts => ["text", "choice", "confirm", "number", "email"];

    public static TheoryData<string, string> PromptsAndAnswers()
    {
        var data = new TheoryData<string, string>();
        foreach (var prompt in new[] { "text", "choice", "confirm", "number", "email" })
        {
            foreach (var answer in new[] { "", "🙂🙂🙂", "<script>alert(1)</script>", new string('a', 10_000), string.Concat(Enumerable.Repeat("Drucker ja 2 erika@firma.de ", 400)) })
            {
                data.Add(prompt, answer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PromptsAndAnswers))]
    public async Task Any_answer_gets_a_reply_and_never_crashes_the_prompt(string prompt, string answer)
    {
        await Flow(prompt)
            .Send("Hallo")
            .AssertReply("Frage")
            .Send(answer)
            .AssertReply(reply => !string.IsNullOrWhiteSpace(reply.Text), "some reply")
            .Send(answer)
            .AssertReply(reply => !string.IsNullOrWhiteSpace(reply.Text), "some reply")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_flood_of_messages_while_a_prompt_waits_gets_one_sensible_answer_each()
    {
        await Flow("choice")
            .Send("Hallo")
            .AssertReply("Frage")
            .Send("hallo?").AssertReply("Bitte wählen Sie").AssertSuggestedActions("Drucker", "WLAN").AssertNoReply()
            .Send("???").AssertReply("Bitte wählen Sie").AssertNoReply()
            .Send("WLAN").AssertReply("result: WLAN #1").AssertNoReply()
            .Send("WLAN").AssertReply("Frage").AssertNoReply()
            .Send("Drucker").AssertReply("result: Drucker #0").AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_flood_of_bad_answers_ends_in_PromptAttemptsExhausted_and_the_next_message_starts_over()
    {
        await Flow("confirm")
            .Send("Hallo")
            .Send("a").AssertReply("Bitte antworten Sie")
            .Send("b").AssertReply("Bitte antworten Sie")
            .Send("c").AssertReply("result: gave up after 3").AssertNoReply()
            .Send("d").AssertReply("Frage")
            .StartTestAsync();
    }

    [Fact]
    public async Task Events_and_typing_while_a_prompt_waits_are_not_counted_as_answers()
    {
        await Flow("confirm")
            .Send("Hallo")
            .AssertReply("Frage")
            .Send(adapter => adapter.MakeConversationUpdate())
            .AssertNoReply()
            .Send(adapter => Typing(adapter))
            .AssertNoReply()
            .Send("ja")
            .AssertReply("result: yes")
            .StartTestAsync();
    }

    private static Activity Typing(TestAdapter adapter)
    {
        var typing = adapter.MakeMessage(null);
        typing.Type = ActivityTypes.Typing;
        return typing;
    }

    private static TestFlow Flow(string prompt)
    {
        Dialog dialog = prompt switch
        {
            "text" => new TextPrompt(prompt),
            "choice" => new ChoicePrompt(prompt),
            "confirm" => new ConfirmPrompt(prompt),
            "number" => new NumberPrompt<int>(prompt),
            _ => new EmailPrompt(prompt),
        };
        return AskOnce.Flow(dialog, () => new PromptOptions
        {
            Prompt = Activity.CreateMessageActivity("Frage?"),
            Choices = prompt == "choice" ? [new Choice("Drucker"), new Choice("WLAN")] : null,
        });
    }
}
