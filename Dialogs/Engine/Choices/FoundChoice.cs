namespace FirstLine.Dialogs.Engine;

/// <summary>The choice a customer picked: its value, position in the list, how sure we are (0–1) and the synonym that matched.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
