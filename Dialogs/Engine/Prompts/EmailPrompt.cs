using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>Asks for an email address and returns the first valid one in the answer.</summary>
public class EmailPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var address = EmailRecognizer.Recognize(TextOf(turnContext));
        return Task.FromResult(address is null ? PromptRecognizerResult<string>.Failed : new PromptRecognizerResult<string>(true, address));
    }

    protected override string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryEmail;
    }
}
