namespace FirstLine.Dialogs.Engine;

/// <summary>One step of a <see cref="WaterfallDialog{TState}"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> stepContext, CancellationToken cancellationToken)
    where TState : class, new();
