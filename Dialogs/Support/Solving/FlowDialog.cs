using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Understanding;
using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.Dialogs.Support.Solving;

/// <summary>
/// Walks through an article's troubleshooting flow one question at a time, with the answers as buttons.
/// Each answer replaces this dialog with the next step, so the stack stays flat however long the flow is.
/// "Zurück" or "ich meinte …" takes the last answer back.
/// </summary>
internal sealed class FlowDialog : WaterfallDialog<FlowState>
{
    private readonly SupportServices services;

    public FlowDialog(SupportServices services)
        : base(DialogIds.Flow)
    {
        this.services = services;
        AddStep(AskAsync);
        AddStep(AnswerAsync);
    }

    /// <summary>Lets corrections through the prompt, so the flow can take an answer back.</summary>
    public static Task<bool> AcceptCorrectionsAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = prompt.Context.Activity.Text;
        return Task.FromResult(prompt.Recognized.Succeeded || Correction.TryParse(text, out _) || YesNoRecognizer.Recognize(text, prompt.Context.Activity.Locale) is not null);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext<FlowState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<FlowOptions>() ?? throw new InvalidOperationException("The flow dialog needs its article.");
        step.State.Options = options;
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var (article, flowStep) = Resolve(turn, options);
        if (flowStep.IsEnd)
        {
            if (!string.IsNullOrWhiteSpace(flowStep.Say))
            {
                await turn.SayAsync(flowStep.Say, cancellationToken);
            }

            var end = flowStep.Outcome == FlowOutcome.Solved ? FlowEnd.Solved : FlowEnd.Escalate;
            return await step.EndDialogAsync(new FlowResult(end, flowStep.Diagnosis, flowStep.Priority, flowStep.Queue, options.History), cancellationToken);
        }

        var question = string.IsNullOrWhiteSpace(flowStep.Say) ? flowStep.Ask! : $"{flowStep.Say}\n\n{flowStep.Ask}";
        var answers = flowStep.Answers.Select(a => a.Text).ToList();
        return await step.PromptAsync(DialogIds.FlowPrompt, turn.Choices(question, turn.Texts.FlowRetry, answers), cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<FlowState> step, CancellationToken cancellationToken)
    {
        var options = step.State.Options!;
        if (step.Result is PromptAttemptsExhausted)
        {
            return await step.EndDialogAsync(new FlowResult(FlowEnd.NotUnderstood, null, null, null, options.History), cancellationToken);
        }

        var turn = new SupportTurn(step.DialogContext, services.Options);

        // "Ich meinte ja" also reads as "ja" for this question; the correction must win.
        var text = step.Context.Activity.Text;
        if (!Correction.TryParse(text, out _))
        {
            var (_, flowStep) = Resolve(turn, options);
            var index = step.Result is FoundChoice choice ? choice.Index : YesNoAnswer(flowStep, text, turn.Texts);
            if (index < 0)
            {
                // "passt" to a question whose answers are not yes and no: ask it again.
                return await step.ReplaceDialogAsync(DialogIds.Flow, options, cancellationToken);
            }

            var answer = flowStep.Answers[index];
            List<FlowStepAnswer> history = [.. options.History, new FlowStepAnswer(flowStep.Id, flowStep.Ask ?? string.Empty, answer.Text)];
            return await step.ReplaceDialogAsync(DialogIds.Flow, new FlowOptions(options.ArticleId, answer.Goto, history), cancellationToken);
        }

        // A correction: go back one question, and take the new answer right away if one was given.
        Correction.TryParse(step.Context.Activity.Text, out var newAnswer);
        await turn.SayAsync(turn.Texts.FlowCorrected, cancellationToken);
        if (options.History.Count == 0)
        {
            return await step.ReplaceDialogAsync(DialogIds.Flow, options, cancellationToken);
        }

        var previous = options.History[^1];
        List<FlowStepAnswer> earlier = [.. options.History.Take(options.History.Count - 1)];
        var (_, previousStep) = Resolve(turn, options with { StepId = previous.StepId });
        var picked = newAnswer is null
            ? null
            : ChoiceRecognizer.Recognize(newAnswer, [.. previousStep.Answers.Select(a => new Choice(a.Text))], turn.Session.Language);
        if (picked is null)
        {
            return await step.ReplaceDialogAsync(DialogIds.Flow, new FlowOptions(options.ArticleId, previous.StepId, earlier), cancellationToken);
        }

        var corrected = previousStep.Answers[picked.Index];
        List<FlowStepAnswer> fixedHistory = [.. earlier, new FlowStepAnswer(previousStep.Id, previousStep.Ask ?? string.Empty, corrected.Text)];
        return await step.ReplaceDialogAsync(DialogIds.Flow, new FlowOptions(options.ArticleId, corrected.Goto, fixedHistory), cancellationToken);
    }

    /// <summary>The answer "Ja"/"Yes" or "Nein"/"No" when the customer said yes or no in other words ("passt", "nope").</summary>
    private static int YesNoAnswer(FlowStep flowStep, string? text, Texts.SupportTexts texts)
    {
        var title = YesNoRecognizer.Recognize(text, texts.Language) switch
        {
            true => texts.Yes,
            false => texts.No,
            null => null,
        };
        return title is null ? -1 : flowStep.Answers.ToList().FindIndex(a => a.Text.Equals(title, StringComparison.OrdinalIgnoreCase));
    }

    private (Article Article, FlowStep Step) Resolve(SupportTurn turn, FlowOptions options)
    {
        var article = services.KnowledgeBase.Find(turn.Session.Language, options.ArticleId)
            ?? throw new DialogStateException($"Article '{options.ArticleId}' is no longer in the knowledge base.");
        var flow = article.Flow ?? throw new DialogStateException($"Article '{options.ArticleId}' no longer has a guided flow.");
        try
        {
            return (article, flow.Step(options.StepId));
        }
        catch (KnowledgeBase.KnowledgeBaseException exception)
        {
            throw new DialogStateException($"The flow of '{options.ArticleId}' no longer has step '{options.StepId}'.", exception);
        }
    }
}

/// <summary>The step being asked.</summary>
internal sealed class FlowState
{
    public FlowOptions? Options { get; set; }
}
