using System.Text.Json;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>What a waterfall step sees: the turn, the previous step's result and the dialog's typed state.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> waterfall;
    private readonly WaterfallState<TState> state;
    private bool nextCalled;

    internal WaterfallStepContext(WaterfallDialog<TState> waterfall, DialogContext dialogContext, WaterfallState<TState> state, int index, DialogReason reason, object? result)
    {
        this.waterfall = waterfall;
        this.state = state;
        DialogContext = dialogContext;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The dialog context the waterfall runs in, for anything the pass-throughs below do not cover.</summary>
    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    /// <summary>The options the waterfall was begun with (a <see cref="JsonElement"/> in later turns; see <see cref="GetOptions{TOptions}"/>).</summary>
    public object? Options => state.Options;

    /// <summary>The previous step's <see cref="NextAsync"/> value, the result of the child dialog it started, or the customer's text.</summary>
    public object? Result { get; }

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The dialog's own memory; changes are saved with the stack at the end of the turn.</summary>
    public TState State => state.Values;

    /// <summary>The begin options as <typeparamref name="TOptions"/>, whether still live or reloaded from JSON.</summary>
    public TOptions? GetOptions<TOptions>()
        where TOptions : class => state.Options switch
        {
            TOptions typed => typed,
            JsonElement { ValueKind: JsonValueKind.Object or JsonValueKind.Array } json => json.Deserialize<TOptions>(BotJson.Options),
            _ => null,
        };

    /// <summary>Skips to the next step in this turn, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{waterfall.Id}'.");
        }

        nextCalled = true;
        return waterfall.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
