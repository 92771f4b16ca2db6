using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>Asks for free text; any non-blank answer counts (trimmed).</summary>
public class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = TextOf(turnContext)?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? PromptRecognizerResult<string>.Failed : new PromptRecognizerResult<string>(true, text));
    }

    protected override string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryText;
    }
}
