namespace FirstLine.Dialogs.Engine;

/// <summary>What a dialog operation did to the stack, and the result of a dialog that ended.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
