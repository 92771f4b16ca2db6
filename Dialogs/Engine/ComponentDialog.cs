using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs: its inner stack runs in a <see cref="DialogContext"/> of its own and is stored
/// inside this dialog's instance state, so a component is one entry on the outer stack however deep it goes.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    protected ComponentDialog(string id)
        : base(id)
    {
    }

    /// <summary>The dialog begun when the component begins; by default the first one added.</summary>
    public string InitialDialogId { get; protected set; } = string.Empty;

    /// <summary>The inner dialogs.</summary>
    public DialogSet Dialogs { get; } = new();

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = CreateInnerContext(dc, instance);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken).ConfigureAwait(false);
        return await CompleteInnerTurnAsync(dc, instance, result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = CreateInnerContext(dc, instance);
        var result = await OnContinueDialogAsync(inner, cancellationToken).ConfigureAwait(false);
        return await CompleteInnerTurnAsync(dc, instance, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Something the component started on the outer stack has ended. The inner stack is still waiting, so ask
    /// its question again.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = new DialogContext(Dialogs, turnContext, instance.GetState<DialogState>());
        await inner.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            // Inner dialogs must hear about a cancellation too (they may hold a ticket draft, a handoff, …).
            var inner = new DialogContext(Dialogs, turnContext, instance.GetState<DialogState>());
            await inner.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        if (InitialDialogId.Length == 0)
        {
            InitialDialogId = dialog.Id;
        }

        return this;
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.BeginDialogAsync(InitialDialogId, options, cancellationToken);
    }

    /// <summary>Override to catch interruptions ("cancel", "help") before the inner dialogs see the message.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The inner stack is empty: end the component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance) =>
        new(Dialogs, outerDc.Context, instance.GetState<DialogState>(), outerDc);

    private async Task<DialogTurnResult> CompleteInnerTurnAsync(DialogContext outerDc, DialogInstance instance, DialogTurnResult innerResult, CancellationToken cancellationToken)
    {
        if (innerResult.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        // An inner dialog may already have ended or cancelled this component through Parent; do not end someone else.
        if (!ReferenceEquals(outerDc.ActiveDialog, instance))
        {
            return innerResult;
        }

        var outerResult = await EndComponentAsync(outerDc, innerResult.Result, cancellationToken).ConfigureAwait(false);

        // Cancelling inside the component (e.g. "abbrechen") stays visible as a cancellation when nothing is left outside.
        return innerResult.Status == DialogTurnStatus.Cancelled && outerResult.Status == DialogTurnStatus.Complete
            ? new DialogTurnResult(DialogTurnStatus.Cancelled)
            : outerResult;
    }
}
