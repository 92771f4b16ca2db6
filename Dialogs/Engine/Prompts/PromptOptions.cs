using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Engine;

/// <summary>What a prompt asks, what it offers, and how patient it is.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer the prompt could not use; by default a short hint and the prompt again.</summary>
    public Activity? RetryPrompt { get; set; }

    public IList<Choice>? Choices { get; set; }

    /// <summary>After this many unusable answers the prompt ends with <see cref="PromptAttemptsExhausted"/>; 0 or less means never.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Free data for a validator (limits, allowed domains, …).</summary>
    public object? Validations { get; set; }

    public ListStyle Style { get; set; } = ListStyle.SuggestedAction;
}
