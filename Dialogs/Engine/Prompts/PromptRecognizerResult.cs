namespace FirstLine.Dialogs.Engine;

/// <summary>What a prompt made of the customer's answer.</summary>
public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default);
}
