using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.Dialogs.Support.Solving;

/// <summary>
/// Tries the candidate articles one after the other: shows an article's steps and asks "Hat das geholfen?",
/// or walks through its guided flow. After a "no" the next good candidate follows; after too many, or when
/// none is left, a human takes over.
/// </summary>
internal sealed class SolveDialog : WaterfallDialog<SolveState>
{
    private readonly SupportServices services;

    public SolveDialog(SupportServices services)
        : base(DialogIds.Solve)
    {
        this.services = services;
        AddStep(PresentAsync);
        AddStep(EvaluateAsync);
        AddStep(FinishAsync);
    }

    private async Task<DialogTurnResult> PresentAsync(WaterfallStepContext<SolveState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<SolveOptions>() ?? throw new InvalidOperationException("The solve dialog needs its candidates.");
        var turn = new SupportTurn(step.DialogContext, services.Options);
        step.State.Options = options;
        var article = services.KnowledgeBase.Find(turn.Session.Language, options.Candidates[options.Index].ArticleId);
        if (article is null)
        {
            // The knowledge base was reloaded without this article meanwhile: go on as if it had not helped.
            return await NextOrEscalateAsync(step, turn, options, cancellationToken);
        }

        turn.Request.CurrentArticleId = article.Id;
        step.State.Queue ??= article.Queue;
        if (article.Flow is not null)
        {
            step.State.Kind = AttemptKind.GuidedFlow;
            await turn.SayAsync(turn.Texts.FlowIntro(article.Title), cancellationToken);
            return await step.BeginDialogAsync(DialogIds.Flow, new FlowOptions(article.Id, article.Flow.Start, []), cancellationToken);
        }

        step.State.Kind = AttemptKind.Article;
        await turn.SayAsync($"{turn.Texts.ArticleIntro(article.Title)}\n\n{ArticleSteps.Render(article)}", cancellationToken);
        return await step.PromptAsync(DialogIds.ConfirmPrompt, turn.YesNo(turn.Texts.DidItHelp), cancellationToken);
    }

    private async Task<DialogTurnResult> EvaluateAsync(WaterfallStepContext<SolveState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var options = step.State.Options!;
        var article = services.KnowledgeBase.Find(turn.Session.Language, options.Candidates[options.Index].ArticleId)!;
        switch (step.Result)
        {
            case true:
                await RecordAsync(turn, article, AttemptOutcome.Helped, [], cancellationToken);
                return await step.BeginDialogAsync(DialogIds.Resolved, new ResolvedOptions(article.Id, article.Language, article.Title), cancellationToken);

            case false:
                await RecordAsync(turn, article, AttemptOutcome.DidNotHelp, [], cancellationToken);
                return await NextOrEscalateAsync(step, turn, options with { Failures = options.Failures + 1 }, cancellationToken);

            case FlowResult { End: FlowEnd.Solved } flow:
                await RecordAsync(turn, article, AttemptOutcome.Helped, flow.Steps, cancellationToken);
                return await step.BeginDialogAsync(DialogIds.Resolved, new ResolvedOptions(article.Id, article.Language, article.Title), cancellationToken);

            case FlowResult { End: FlowEnd.Escalate } flow:
                await RecordAsync(turn, article, AttemptOutcome.FlowEscalated, flow.Steps, cancellationToken);
                return await step.BeginDialogAsync(
                    DialogIds.Escalate,
                    new EscalationOptions(HandoffReason.FlowEscalated, flow.Queue ?? article.Queue, flow.Diagnosis, flow.PriorityHint),
                    cancellationToken);

            default:
                // The customer's answers could not be understood, several times: a human will do better.
                var steps = step.Result is FlowResult unclear ? unclear.Steps : [];
                await RecordAsync(turn, article, AttemptOutcome.Abandoned, steps, cancellationToken);
                return await step.BeginDialogAsync(DialogIds.Escalate, new EscalationOptions(HandoffReason.NotUnderstood, article.Queue, Diagnosis(turn), null), cancellationToken);
        }
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<SolveState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);

    private async Task<DialogTurnResult> NextOrEscalateAsync(WaterfallStepContext<SolveState> step, SupportTurn turn, SolveOptions options, CancellationToken cancellationToken)
    {
        var next = options.Candidates
            .Select((candidate, index) => (candidate, index))
            .Skip(options.Index + 1)
            .FirstOrDefault(c => (c.candidate.Offered || c.candidate.Confidence >= services.Options.NextCandidateMinConfidence)
                                 && services.KnowledgeBase.Find(turn.Session.Language, c.candidate.ArticleId) is not null);
        if (options.Failures < services.Options.MaxFailedAttempts && next.candidate is not null)
        {
            await turn.SayAsync(turn.Texts.TryNext, cancellationToken);
            return await step.ReplaceDialogAsync(DialogIds.Solve, options with { Index = next.index }, cancellationToken);
        }

        return await step.BeginDialogAsync(
            DialogIds.Escalate,
            new EscalationOptions(HandoffReason.SolutionsFailed, step.State.Queue, Diagnosis(turn), null),
            cancellationToken);
    }

    private async Task RecordAsync(SupportTurn turn, Article article, AttemptOutcome outcome, List<FlowStepAnswer> steps, CancellationToken cancellationToken)
    {
        var kind = article.Flow is null ? AttemptKind.Article : AttemptKind.GuidedFlow;
        turn.Request.Tried.Add($"{article.Title} ({kind}): {outcome}");
        await services.Desk.RecordAttemptAsync(
            turn.Request.TicketNumber,
            new SolutionAttempt(article.Id, article.Language, article.Title, article.Category, kind, outcome, steps),
            cancellationToken);
    }

    private static string Diagnosis(SupportTurn turn) =>
        turn.Request.Tried.Count == 0 ? "Nothing tried yet." : "Tried without success: " + string.Join("; ", turn.Request.Tried);
}

/// <summary>The candidates being tried, and what the current one is.</summary>
internal sealed class SolveState
{
    public SolveOptions? Options { get; set; }

    public AttemptKind Kind { get; set; }

    /// <summary>The team of the best candidate, for a handoff after all failed.</summary>
    public string? Queue { get; set; }
}
