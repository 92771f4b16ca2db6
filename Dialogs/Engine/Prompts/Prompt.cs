using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Asks one question and waits for a usable answer: recognises it, lets the validator judge it, asks again
/// on a bad answer and gives up with <see cref="PromptAttemptsExhausted"/> after <see cref="PromptOptions.MaxAttempts"/>.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator = null) : Dialog(dialogId)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        dc.SetState(new PromptState { Options = promptOptions });
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Typing indicators, reactions and events are not answers; only a message counts as an attempt.
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var state = dc.GetState<PromptState>();
        var options = state.Options;
        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        state.AttemptCount++;
        var valid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, state.AttemptCount), cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxAttempts > 0 && state.AttemptCount >= options.MaxAttempts)
        {
            return await dc.EndDialogAsync(new PromptAttemptsExhausted(state.AttemptCount), cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself has said enough.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started on top of the prompt has ended (an interruption): ask the question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, instance.GetState<PromptState>().Options, isRetry: false, cancellationToken);
    }

    /// <summary>Turns the customer's message into a <typeparamref name="T"/>.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The hint put before the prompt when an answer could not be used.</summary>
    protected virtual string RetryHint(EngineTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.RetryGeneric;
    }

    /// <summary>Choices to show with the prompt (none by default).</summary>
    protected virtual IReadOnlyList<Choice> ChoicesToShow(ITurnContext turnContext, PromptOptions options) => [];

    /// <summary>Sends the prompt, or on a retry the retry prompt (by default the hint followed by the prompt again).</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = BuildPrompt(turnContext, options, isRetry);
        activity = ChoiceList.Apply(activity, ChoicesToShow(turnContext, options), options.Style, turnContext.Activity.ChannelId);
        if (!string.IsNullOrEmpty(activity.Text) || activity.SuggestedActions is not null || activity.Attachments is { Count: > 0 })
        {
            activity.InputHint ??= InputHints.ExpectingInput;
            await turnContext.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The locale of the turn: what the customer's client says it speaks.</summary>
    protected static string? LocaleOf(ITurnContext turnContext) => turnContext?.Activity.Locale;

    /// <summary>The answer's text; a button's value when a client sent no text.</summary>
    protected static string? TextOf(ITurnContext turnContext) =>
        turnContext?.Activity.Text ?? turnContext?.Activity.Value as string;

    private Activity BuildPrompt(ITurnContext turnContext, PromptOptions options, bool isRetry)
    {
        if (isRetry && options.RetryPrompt is not null)
        {
            return Copy(options.RetryPrompt);
        }

        var prompt = options.Prompt is null ? Activity.CreateMessageActivity() : Copy(options.Prompt);
        if (isRetry)
        {
            var hint = RetryHint(EngineTexts.For(LocaleOf(turnContext)));
            prompt.Text = string.IsNullOrEmpty(prompt.Text) ? hint : $"{hint}\n\n{prompt.Text}";
        }

        return prompt;
    }

    /// <summary>Prompts are kept in state and sent again; sending stamps addresses on an activity, so send a copy.</summary>
    private static Activity Copy(Activity activity) => BotJson.Deserialize<Activity>(BotJson.Serialize(activity))!;
}
