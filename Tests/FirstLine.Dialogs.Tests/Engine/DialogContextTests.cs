using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Tests.Harness;

namespace FirstLine.Dialogs.Tests.Engine;

public sealed class DialogContextTests
{
    private readonly List<string> calls = [];
    private readonly DialogState state = new();
    private readonly DialogContext dc;

    public DialogContextTests()
    {
        var adapter = new TestAdapter();
        var dialogs = new DialogSet()
            .Add(new RecordingDialog("parent", calls))
            .Add(new RecordingDialog("child", calls))
            .Add(new RecordingDialog("other", calls));
        dc = new DialogContext(dialogs, new TurnContext(adapter, adapter.MakeMessage("hallo")), state);
    }

    [Fact]
    public async Task Continue_with_an_empty_stack_is_empty()
    {
        var result = await dc.ContinueDialogAsync();

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
        Assert.Null(dc.ActiveDialog);
    }

    [Fact]
    public async Task Begin_pushes_the_dialog_on_top_and_continue_reaches_it()
    {
        await dc.BeginDialogAsync("parent", "p-options");
        await dc.BeginDialogAsync("child");
        var result = await dc.ContinueDialogAsync();

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["child", "parent"], dc.Stack.Select(i => i.Id));
        Assert.Equal(["begin parent p-options", "begin child ", "continue child"], calls);
    }

    [Fact]
    public async Task End_resumes_the_parent_with_the_result()
    {
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("child");
        await dc.EndDialogAsync("child-result");

        Assert.Equal(["begin parent ", "begin child ", "end child EndCalled", "resume parent EndCalled child-result"], calls);
        Assert.Equal("parent", dc.ActiveDialog!.Id);
    }

    [Fact]
    public async Task End_of_the_last_dialog_completes_with_its_result()
    {
        await dc.BeginDialogAsync("parent");
        var result = await dc.EndDialogAsync("done");

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "done"), result);
        Assert.Empty(dc.Stack);
    }

    [Fact]
    public async Task Replace_ends_the_active_dialog_and_begins_another_without_resuming_the_parent()
    {
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("child");
        await dc.ReplaceDialogAsync("other", "o");

        Assert.Equal(["other", "parent"], dc.Stack.Select(i => i.Id));
        Assert.Equal(["begin parent ", "begin child ", "end child ReplaceCalled", "begin other o"], calls);
    }

    [Fact]
    public async Task Cancel_all_tells_every_dialog_top_down_and_empties_the_stack()
    {
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("child");
        var result = await dc.CancelAllDialogsAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(dc.Stack);
        Assert.Equal(["end child CancelCalled", "end parent CancelCalled"], calls.Skip(2));
        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
    }

    [Fact]
    public async Task Cancel_all_removes_dialogs_that_no_longer_exist()
    {
        state.Stack.Add(new DialogInstance { Id = "removed-in-last-release", Version = 1 });

        var result = await dc.CancelAllDialogsAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(dc.Stack);
    }

    [Fact]
    public async Task Begin_of_an_unknown_dialog_says_which_one()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => dc.BeginDialogAsync("nope"));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_of_a_stored_dialog_that_no_longer_exists_is_a_state_problem()
    {
        state.Stack.Add(new DialogInstance { Id = "removed-in-last-release", Version = 1 });

        await Assert.ThrowsAsync<DialogStateException>(() => dc.ContinueDialogAsync());
    }

    [Fact]
    public void State_needs_an_active_dialog() =>
        Assert.Throws<InvalidOperationException>(() => dc.GetState<List<string>>());

    [Fact]
    public async Task State_of_the_active_dialog_is_the_same_object_within_a_turn_and_json_after_flush()
    {
        await dc.BeginDialogAsync("parent");
        dc.GetState<List<string>>().Add("eins");
        dc.GetState<List<string>>().Add("zwei");
        state.Flush();

        Assert.Equal("[\"eins\",\"zwei\"]", dc.ActiveDialog!.State!.Value.GetRawText());
    }

    [Fact]
    public async Task Reprompt_reaches_the_active_dialog()
    {
        await dc.BeginDialogAsync("parent");
        await dc.RepromptDialogAsync();

        Assert.Equal("reprompt parent", calls[^1]);
    }

    private sealed class RecordingDialog(string id, List<string> calls) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
        {
            calls.Add($"begin {Id} {options}");
            return Task.FromResult(EndOfTurn);
        }

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        {
            calls.Add($"continue {Id}");
            return Task.FromResult(EndOfTurn);
        }

        public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        {
            calls.Add($"resume {Id} {reason} {result}");
            return Task.FromResult(EndOfTurn);
        }

        public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        {
            calls.Add($"reprompt {Id}");
            return Task.CompletedTask;
        }

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            calls.Add($"end {Id} {reason}");
            return Task.CompletedTask;
        }
    }
}
