namespace FirstLine.Dialogs.Engine;

/// <summary>
/// The result a prompt ends with after <see cref="PromptOptions.MaxAttempts"/> unusable answers, so the caller can
/// take another path (offer a human, skip the question) instead of asking forever.
/// </summary>
public sealed record PromptAttemptsExhausted(int Attempts);
