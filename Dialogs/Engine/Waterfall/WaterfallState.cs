namespace FirstLine.Dialogs.Engine;

/// <summary>What a waterfall stores between turns: where it is, how it was started, and the dialog's own typed values.</summary>
internal sealed class WaterfallState<TState>
    where TState : class, new()
{
    public int Index { get; set; }

    /// <summary>The options it was begun with; a <see cref="System.Text.Json.JsonElement"/> after a reload.</summary>
    public object? Options { get; set; }

    public TState Values { get; set; } = new();
}
