using System.Text.Json;
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

    /// <summary>Free data for a validator (limits, allowed domains, …); read it with <see cref="GetValidations{T}"/>.</summary>
    public object? Validations { get; set; }

    public ListStyle Style { get; set; } = ListStyle.SuggestedAction;

    /// <summary>
    /// <see cref="Validations"/> as <typeparamref name="T"/>: the options travel through storage as JSON between turns,
    /// so after the first turn the data is a <see cref="JsonElement"/> and is read back here.
    /// </summary>
    public T? GetValidations<T>() => Validations switch
    {
        T typed => typed,
        JsonElement json when json.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined => json.Deserialize<T>(BotJson.Options),
        _ => default,
    };
}
