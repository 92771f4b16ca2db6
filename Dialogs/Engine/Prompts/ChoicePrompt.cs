using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>Offers <see cref="PromptOptions.Choices"/> and returns the <see cref="FoundChoice"/> the customer picked.</summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(TextOf(turnContext), [.. options.Choices ?? []], LocaleOf(turnContext));
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : new PromptRecognizerResult<FoundChoice>(true, found));
    }

    protected override IReadOnlyList<Choice> ChoicesToShow(ITurnContext turnContext, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Choices ?? []];
    }

    protected override string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryChoice;
    }
}
