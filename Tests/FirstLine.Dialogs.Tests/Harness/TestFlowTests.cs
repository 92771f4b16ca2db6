using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Tests.Harness;

public sealed class TestFlowTests
{
    [Fact]
    public async Task A_failing_step_reports_the_whole_transcript_so_far()
    {
        var flow = EchoFlow()
            .Send("Hallo")
            .AssertReply("echo: Hallo")
            .Send("zweite Nachricht")
            .AssertReply("etwas ganz anderes");

        var error = await Assert.ThrowsAsync<TranscriptAssertionException>(() => flow.StartTestAsync());

        Assert.Contains("etwas ganz anderes", error.Message, StringComparison.Ordinal);
        Assert.Contains("-> user: Hallo\n<- bot:  echo: Hallo\n-> user: zweite Nachricht\n<- bot:  echo: zweite Nachricht", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_match_by_contained_text_or_regular_expression()
    {
        await EchoFlow()
            .Send("Drucker (Büro 2)")
            .AssertReply("DRUCKER (büro 2)")
            .Send("Drucker 42")
            .AssertReply("^echo: Drucker \\d+$")
            .StartTestAsync();
    }

    [Fact]
    public async Task Missing_and_extra_replies_fail()
    {
        await Assert.ThrowsAsync<TranscriptAssertionException>(() => EchoFlow().Send("a").AssertReply("echo").AssertReply("echo").StartTestAsync());
        await Assert.ThrowsAsync<TranscriptAssertionException>(() => EchoFlow().Send("a").AssertNoReply().StartTestAsync());
    }

    [Fact]
    public async Task The_locale_is_set_per_flow_and_a_conversation_can_be_started()
    {
        await EchoFlow()
            .WithLocale("en-GB")
            .StartConversation()
            .AssertReply("conversationUpdate en-GB")
            .StartTestAsync();
    }

    private static TestFlow EchoFlow() => new(new TestAdapter(locale: "de-DE"), new EchoBot());

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.SendActivityAsync(
                turnContext.Activity.Text is { } text ? $"echo: {text}" : $"{turnContext.Activity.Type} {turnContext.Activity.Locale}",
                cancellationToken: cancellationToken);
    }
}
