using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine.Runner;

public sealed class DialogRunnerTests
{
    private readonly RawJsonStorage storage = new();
    private readonly TestAdapter adapter = new(locale: "de-DE");

    private string Key => $"dialogs/test/{adapter.Conversation.Conversation!.Id}";

    [Fact]
    public void The_state_key_names_channel_and_conversation()
    {
        var context = new TurnContext(adapter, adapter.MakeMessage("hi"));

        Assert.Equal(Key, DialogRunner.StateKey(context));
    }

    [Fact]
    public async Task A_write_conflict_reruns_the_turn_on_the_newer_state_and_only_the_rerun_is_heard()
    {
        // Another node (its own adapter and runner) answers "zwei" while this node is saving its turn for "eins".
        var otherNode = adapter.Restart();
        var interfered = false;
        storage.BeforeWrite = async _ =>
        {
            if (!interfered)
            {
                interfered = true;
                await otherNode.ProcessActivityAsync(otherNode.MakeMessage("zwei"), Bot().OnTurnAsync);
            }
        };

        await adapter.ProcessActivityAsync(adapter.MakeMessage("eins"), Bot().OnTurnAsync);

        Assert.Equal(["gesehen: zwei"], otherNode.TakeReplies().Select(a => a.Text));
        Assert.Equal(["gesehen: zwei, eins"], adapter.TakeReplies().Select(a => a.Text));
        Assert.Contains("[\"zwei\",\"eins\"]", storage.GetJson(Key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_conflict_in_the_same_turn_surfaces_instead_of_looping()
    {
        storage.BeforeWrite = key =>
        {
            storage.PutJson(key, "{\"version\":1,\"stack\":[]}");
            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => adapter.ProcessActivityAsync(adapter.MakeMessage("eins"), Bot().OnTurnAsync));
        Assert.Empty(adapter.TakeReplies());
    }

    public static TheoryData<string, string> UnusableStates => new()
    {
        { "older version", "{\"version\":0,\"stack\":[{\"id\":\"counter\",\"state\":{\"seen\":[\"alt\"]},\"version\":1}]}" },
        { "written before versioning", "{\"stack\":[{\"id\":\"counter\",\"state\":{\"seen\":[\"alt\"]}}]}" },
        { "newer version", "{\"version\":99,\"stack\":[]}" },
        { "garbage", "{not json at all" },
        { "wrong shape", "[1,2,3]" },
        { "JSON null", "null" },
        { "unknown dialog", "{\"version\":1,\"stack\":[{\"id\":\"removed-dialog\",\"version\":1}]}" },
        { "old dialog state version", "{\"version\":1,\"stack\":[{\"id\":\"counter\",\"state\":{\"seen\":[\"alt\"]},\"version\":0}]}" },
        { "dialog state of another shape", "{\"version\":1,\"stack\":[{\"id\":\"counter\",\"state\":{\"seen\":\"not a list\"},\"version\":1}]}" },
    };

    [Theory]
    [MemberData(nameof(UnusableStates))]
    public async Task Unusable_stored_state_starts_over_with_an_apology_and_the_next_turn_works(string what, string json)
    {
        _ = what;
        storage.PutJson(Key, json);

        await new TestFlow(adapter, Bot)
            .Send("eins")
            .AssertReply("^Entschuldigung, bei mir ist etwas durcheinandergeraten")
            .AssertReply("^gesehen: eins$")
            .AssertNoReply()
            .Restart()
            .Send("zwei")
            .AssertReply("^gesehen: eins, zwei$")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_apology_is_in_the_customers_language_and_can_be_replaced()
    {
        storage.PutJson(Key, "{not json");
        await new TestFlow(adapter, Bot).WithLocale("en-US")
            .Send("one")
            .AssertReply("^Sorry, I lost track of our conversation")
            .StartTestAsync();

        storage.PutJson(Key, "{not json");
        var custom = new DialogTestBot(storage, Dialogs, "counter") { Options = new DialogRunnerOptions { StateResetMessage = locale => $"reset ({locale})" } };
        await new TestFlow(adapter, custom).WithLocale("de-CH")
            .Send("eins")
            .AssertReply("^reset \\(de-CH\\)$")
            .StartTestAsync();
    }

    [Fact]
    public async Task Replies_are_delivered_only_after_the_state_is_saved()
    {
        storage.BeforeWrite = _ => throw new IOException("database is gone");

        await Assert.ThrowsAsync<IOException>(() => adapter.ProcessActivityAsync(adapter.MakeMessage("eins"), Bot().OnTurnAsync));
        Assert.Empty(adapter.TakeReplies());
    }

    [Fact]
    public async Task The_root_dialog_begins_when_nothing_is_active_and_its_result_is_returned()
    {
        var dialogs = new DialogSet().Add(new WaterfallDialog<AskOnce.NoState>("root", [(step, ct) => step.EndDialogAsync("fertig", ct)]));
        var runner = new DialogRunner(storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<DialogRunner>.Instance);

        var result = await runner.RunAsync(new TurnContext(adapter, adapter.MakeMessage("hi")), dialogs, "root");

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "fertig"), result);
        Assert.Equal("{\"version\":1,\"stack\":[]}", storage.GetJson(Key));
    }

    private static DialogSet Dialogs() => new DialogSet().Add(new CounterDialog());

    private DialogTestBot Bot() => new(storage, Dialogs, "counter");

    /// <summary>Remembers every message of the conversation and says them all back.</summary>
    private sealed class CounterDialog() : Dialog("counter")
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            ContinueDialogAsync(dc, cancellationToken);

        public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        {
            var state = dc.GetState<CounterState>();
            state.Seen.Add(dc.Context.Activity.Text ?? string.Empty);
            await dc.Context.SendActivityAsync($"gesehen: {string.Join(", ", state.Seen)}", cancellationToken: cancellationToken);
            return EndOfTurn;
        }
    }

    private sealed class CounterState
    {
        public List<string> Seen { get; set; } = [];
    }
}
