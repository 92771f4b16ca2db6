using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Asks a yes/no question with "Ja"/"Nein" (or "Yes"/"No") buttons. <see cref="PromptOptions.Choices"/>, if given,
/// relabels them: the first means yes, the second no.
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = TextOf(turnContext);
        var locale = LocaleOf(turnContext);
        var answer = ChoiceRecognizer.Recognize(text, ConfirmChoices(turnContext, options), locale) is { } found
            ? found.Index == 0
            : YesNoRecognizer.Recognize(text, locale);
        return Task.FromResult(answer is { } yes ? new PromptRecognizerResult<bool>(true, yes) : PromptRecognizerResult<bool>.Failed);
    }

    protected override IReadOnlyList<Choice> ChoicesToShow(ITurnContext turnContext, PromptOptions options) => ConfirmChoices(turnContext, options);

    protected override string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryConfirm;
    }

    private static Choice[] ConfirmChoices(ITurnContext turnContext, PromptOptions options)
    {
        if (options?.Choices is { Count: 2 } custom)
        {
            return [.. custom];
        }

        var texts = EngineTexts.For(LocaleOf(turnContext));
        return [new Choice(texts.Yes), new Choice(texts.No)];
    }
}
