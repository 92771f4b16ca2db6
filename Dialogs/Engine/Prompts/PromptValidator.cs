namespace FirstLine.Dialogs.Engine;

/// <summary>Decides whether a recognised answer is acceptable; it may send its own hint (then no retry prompt is sent).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
