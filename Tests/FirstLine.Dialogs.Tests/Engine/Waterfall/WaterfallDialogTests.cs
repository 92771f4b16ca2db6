using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Waterfall;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task Steps_and_typed_state_survive_a_restart_between_every_turn()
    {
        var storage = new RawJsonStorage();
        var adapter = new TestAdapter(locale: "de-DE");
        await new TestFlow(adapter, () => new DialogTestBot(storage, TicketDialogs, "ticket"))
            .Send("Hallo")
            .AssertReply("Wie heißen Sie?")
            .Restart()
            .Send("Erika Muster")
            .AssertReply("Wie viele Personen")
            .Restart()
            .Send("drei")
            .AssertReply("Erika Muster, 3 Personen, Schritte: name, count")
            .Restart()
            .Send("noch etwas")
            .AssertReply("Wie heißen Sie?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Typed_state_is_stored_as_json_with_the_stack()
    {
        var storage = new RawJsonStorage();
        var adapter = new TestAdapter(locale: "de-DE");
        await new TestFlow(adapter, new DialogTestBot(storage, TicketDialogs(), "ticket"))
            .Send("Hallo")
            .Send("Erika Muster")
            .AssertReply("Wie viele Personen")
            .StartTestAsync();

        var json = storage.GetJson($"dialogs/test/{adapter.Conversation.Conversation!.Id}")!;
        Assert.Contains("\"name\":\"Erika Muster\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextAsync_runs_the_next_step_in_the_same_turn_with_its_value()
    {
        var dialogs = new DialogSet().Add(new WaterfallDialog<AskOnce.NoState>("root", [
            (step, ct) => step.NextAsync("weiter", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index} got {step.Result} ({step.Reason})", cancellationToken: ct);
                return await step.EndDialogAsync(42, ct);
            },
        ]));
        var bot = new DialogTestBot(new MemoryStorage(), dialogs, "root");
        await new TestFlow(new TestAdapter(), bot)
            .Send("los")
            .AssertReply("step 1 got weiter (NextCalled)")
            .StartTestAsync();

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 42), bot.Results.Single());
    }

    [Fact]
    public async Task A_step_that_ends_the_turn_without_a_prompt_gets_the_customers_text_next_turn()
    {
        var dialogs = new DialogSet().Add(new WaterfallDialog<AskOnce.NoState>("root", [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Beschreiben Sie das Problem.", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Verstanden: {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        var storage = new MemoryStorage();
        await new TestFlow(new TestAdapter(), () => new DialogTestBot(storage, dialogs, "root"))
            .Send("Hallo").AssertReply("Beschreiben Sie")
            .Restart()
            .Send("Drucker druckt nicht").AssertReply("Verstanden: Drucker druckt nicht")
            .StartTestAsync();
    }

    [Fact]
    public async Task Begin_options_are_readable_typed_in_later_turns()
    {
        var dialogs = new DialogSet()
            .Add(new TextPrompt("text"))
            .Add(new WaterfallDialog<AskOnce.NoState>("greet", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Channels.Schema.Activity.CreateMessageActivity($"Hallo {step.GetOptions<Greeting>()!.Name}, was ist los?") }, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Danke, {step.GetOptions<Greeting>()!.Name}.", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .Add(new WaterfallDialog<AskOnce.NoState>("root", [(step, ct) => step.BeginDialogAsync("greet", new Greeting { Name = "Erika" }, ct)]));
        var storage = new MemoryStorage();
        await new TestFlow(new TestAdapter(), () => new DialogTestBot(storage, dialogs, "root"))
            .Send("hi").AssertReply("Hallo Erika, was ist los?")
            .Restart()
            .Send("VPN geht nicht").AssertReply("Danke, Erika.")
            .StartTestAsync();
    }

    private static DialogSet TicketDialogs() => new DialogSet()
        .Add(new TextPrompt("name"))
        .Add(new NumberPrompt<int>("count"))
        .Add(new WaterfallDialog<TicketDraft>("ticket", [
            (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Channels.Schema.Activity.CreateMessageActivity("Wie heißen Sie?") }, ct),
            (step, ct) =>
            {
                step.State.Name = (string)step.Result!;
                step.State.Steps.Add("name");
                return step.PromptAsync("count", new PromptOptions { Prompt = Channels.Schema.Activity.CreateMessageActivity("Wie viele Personen sind betroffen?") }, ct);
            },
            async (step, ct) =>
            {
                step.State.Affected = (int)step.Result!;
                step.State.Steps.Add("count");
                await step.Context.SendActivityAsync($"{step.State.Name}, {step.State.Affected} Personen, Schritte: {string.Join(", ", step.State.Steps)}", cancellationToken: ct);
                return await step.EndDialogAsync(step.State, ct);
            },
        ]));

    private sealed class TicketDraft
    {
        public string? Name { get; set; }

        public int Affected { get; set; }

        public List<string> Steps { get; set; } = [];
    }

    private sealed class Greeting
    {
        public string Name { get; set; } = string.Empty;
    }
}
