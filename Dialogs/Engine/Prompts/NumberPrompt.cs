using System.Numerics;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>Asks for a number (<c>int</c>, <c>double</c>, <c>decimal</c> …); a fraction is not an answer for an integer type.</summary>
public class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var value = NumberRecognizer.Recognize(TextOf(turnContext), LocaleOf(turnContext));
        return Task.FromResult(value is { } number && TryConvert(number, out var converted)
            ? new PromptRecognizerResult<T>(true, converted)
            : PromptRecognizerResult<T>.Failed);
    }

    protected override string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryNumber;
    }

    private static bool TryConvert(decimal number, out T converted)
    {
        converted = default;
        var isIntegerType = T.IsInteger(T.CreateTruncating(0.5m));
        if (isIntegerType && decimal.Truncate(number) != number)
        {
            return false;
        }

        try
        {
            converted = T.CreateChecked(number);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
