namespace FirstLine.Dialogs.Engine;

/// <summary>What a waiting prompt remembers between turns.</summary>
internal sealed class PromptState
{
    public PromptOptions Options { get; set; } = new();

    public int AttemptCount { get; set; }
}
