using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>What a <see cref="PromptValidator{T}"/> gets to decide on.</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
{
    public ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    public PromptOptions Options { get; } = options;

    /// <summary>How many answers the customer has given to this prompt, this one included.</summary>
    public int AttemptCount { get; } = attemptCount;
}
