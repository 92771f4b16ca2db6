using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn, and the operations on it. A component dialog
/// runs its inner dialogs in a context of its own whose <see cref="Parent"/> is the outer one.
/// </summary>
public class DialogContext
{
    private readonly DialogState state;

    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
        : this(dialogs, turnContext, state, parent: null)
    {
    }

    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        this.state = state ?? throw new ArgumentNullException(nameof(state));
        Parent = parent;
    }

    public ITurnContext Context { get; }

    public DialogSet Dialogs { get; }

    /// <summary>The context of the component dialog this one runs in, if any.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, active dialog first.</summary>
    public IReadOnlyList<DialogInstance> Stack => state.Stack;

    public DialogInstance? ActiveDialog => state.Stack.Count > 0 ? state.Stack[0] : null;

    /// <summary>The typed state of the active dialog instance.</summary>
    public T GetState<T>()
        where T : class, new() => RequireActive().GetState<T>();

    public void SetState<T>(T state)
        where T : class => RequireActive().SetState(state);

    /// <summary>Finds a dialog here or, for inner contexts, in the enclosing sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not in the dialog set; add it before starting it.");
        state.Stack.Insert(0, new DialogInstance { Id = dialogId, Version = dialog.StateVersion });
        return await dialog.BeginDialogAsync(this, options, ct).ConfigureAwait(false);
    }

    /// <summary>Passes the customer's message to the active dialog; <see cref="DialogTurnStatus.Empty"/> if there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken ct = default)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await DialogOf(active).ContinueDialogAsync(this, ct).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken ct = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, ct).ConfigureAwait(false);
        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await DialogOf(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, ct).ConfigureAwait(false);
    }

    /// <summary>Swaps the active dialog for another without resuming the one below (a loop, or a change of topic).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken ct = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, ct).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, ct).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this stack, telling each it was cancelled.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken ct = default)
    {
        if (state.Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (state.Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, ct).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, ct);
    }

    public async Task RepromptDialogAsync(CancellationToken ct = default)
    {
        var active = ActiveDialog;
        if (active is not null)
        {
            await DialogOf(active).RepromptDialogAsync(Context, active, ct).ConfigureAwait(false);
        }
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken ct)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return;
        }

        // A dialog that no longer exists cannot be told; it still has to leave, or cancelling could never clean up.
        var dialog = FindDialog(active.Id);
        if (dialog is not null && dialog.StateVersion == active.Version)
        {
            await dialog.EndDialogAsync(Context, active, reason, ct).ConfigureAwait(false);
        }

        state.Stack.Remove(active);
    }

    private Dialog DialogOf(DialogInstance instance)
    {
        var dialog = FindDialog(instance.Id)
            ?? throw new DialogStateException($"The stored stack names dialog '{instance.Id}', which no longer exists.");
        return dialog.StateVersion == instance.Version
            ? dialog
            : throw new DialogStateException($"Dialog '{instance.Id}' was stored with state version {instance.Version}, now it is {dialog.StateVersion}.");
    }

    private DialogInstance RequireActive() =>
        ActiveDialog ?? throw new InvalidOperationException("No dialog is active, so there is no dialog state.");
}
