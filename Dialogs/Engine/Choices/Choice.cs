using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Engine;

/// <summary>One answer a <see cref="ChoicePrompt"/> offers: its title and other words customers use for it.</summary>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null)
{
    /// <summary>The button to show instead of the default imBack of <see cref="Value"/>.</summary>
    public CardAction? Action { get; init; }
}
