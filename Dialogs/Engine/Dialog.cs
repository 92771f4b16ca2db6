using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// One step of a conversation that can span many turns. Dialogs are stateless singletons: everything
/// they remember between turns lives in their <see cref="DialogInstance"/> on the persisted stack.
/// </summary>
public abstract class Dialog(string id)
{
    /// <summary>Returned by a dialog that waits for the customer's next message.</summary>
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    public string Id { get; } = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A dialog needs an id.", nameof(id)) : id;

    /// <summary>
    /// The shape of this dialog's stored state. Raise it when a change makes old state unreadable: instances
    /// saved with another version are not continued — the conversation is reset with an apology instead.
    /// </summary>
    public virtual int StateVersion => 1;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The customer answered while this dialog was active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog this one started has ended. By default this dialog ends with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the customer again for what this dialog waits for (e.g. after an interruption).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called as the instance leaves the stack, whether it ended, was replaced or cancelled.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
