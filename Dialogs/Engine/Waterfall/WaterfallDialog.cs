using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// A dialog of steps run in order; each step may ask something (ending the turn) and the next step gets
/// the answer as <see cref="WaterfallStepContext{TState}.Result"/>. <typeparamref name="TState"/> is the
/// dialog's own memory, kept across turns as JSON.
/// </summary>
public class WaterfallDialog<TState>(string id, IEnumerable<WaterfallStep<TState>> steps) : Dialog(id)
    where TState : class, new()
{
    private readonly List<WaterfallStep<TState>> steps = [.. steps ?? throw new ArgumentNullException(nameof(steps))];

    public WaterfallDialog(string id)
        : this(id, [])
    {
    }

    public WaterfallDialog<TState> AddStep(WaterfallStep<TState> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = new WaterfallState<TState> { Options = options };
        dc.SetState(state);
        return RunStepAsync(dc, state, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A step ended the turn without starting a prompt: its next step gets the customer's text.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.IsType(ActivityTypes.Message)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.GetState<WaterfallState<TState>>();
        return RunStepAsync(dc, state, state.Index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to log or time steps.</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext<TState> stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return steps[stepContext.Index](stepContext, cancellationToken);
    }

    private Task<DialogTurnResult> RunStepAsync(DialogContext dc, WaterfallState<TState> state, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            // Past the last step: the waterfall ends with whatever the last step (or its child) produced.
            return dc.EndDialogAsync(result, cancellationToken);
        }

        state.Index = index;
        var stepContext = new WaterfallStepContext<TState>(this, dc, state, index, reason, result);
        return OnStepAsync(stepContext, cancellationToken);
    }
}
