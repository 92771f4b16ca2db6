using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Understanding;

namespace FirstLine.Dialogs.Support.Resolution;

/// <summary>
/// The article helped: the ticket is resolved at level 1 with it, and the customer may rate the help (1–5)
/// and leave a comment. Both are optional; an unusable answer ends the survey politely.
/// </summary>
internal sealed class ResolvedDialog : WaterfallDialog<ResolvedState>
{
    private static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    private readonly SupportServices services;

    public ResolvedDialog(SupportServices services)
        : base(DialogIds.Resolved)
    {
        this.services = services;
        AddStep(ResolveAsync);
        AddStep(AskCommentAsync);
        AddStep(ThankAsync);
    }

    private async Task<DialogTurnResult> ResolveAsync(WaterfallStepContext<ResolvedState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<ResolvedOptions>() ?? throw new InvalidOperationException("The resolved dialog needs its article.");
        var turn = new SupportTurn(step.DialogContext, services.Options);
        await services.Desk.ResolveAtFirstLevelAsync(turn.Request.TicketNumber, new FirstLevelResolution(options.ArticleId, options.Language, options.Title), cancellationToken);
        turn.Request.Status = RequestStatus.Resolved;
        await turn.SayAsync(turn.Texts.Resolved, cancellationToken);
        return await step.PromptAsync(DialogIds.ChoicePrompt, turn.Choices(turn.Texts.AskRating, turn.Texts.RatingRetry, Ratings), cancellationToken);
    }

    private async Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext<ResolvedState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (step.Result is not FoundChoice rating)
        {
            await turn.SayAsync(turn.Texts.ThanksForFeedback, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        step.State.Rating = rating.Index + 1;
        return await step.PromptAsync(DialogIds.TextPrompt, turn.Text(turn.Texts.AskComment, turn.Texts.AskComment, turn.Texts.NoComment), cancellationToken);
    }

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext<ResolvedState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var comment = step.Result as string;
        if (comment is not null && (IsNoComment(comment, turn) || CustomerMessage.From(comment, services.Options.MaxMessageLength).HasNoWords))
        {
            comment = null;
        }

        if (comment is not null)
        {
            // Comments are stored and shown: personal data goes first, as with every other text.
            var message = CustomerMessage.From(comment, services.Options.MaxMessageLength);
            comment = message.IsEmpty ? null : (await services.Analyzer.AnalyzeAsync(message.Text, turn.Session.Language, cancellationToken)).RedactedText;
        }

        await services.Desk.RecordSatisfactionAsync(turn.Request.TicketNumber, new SatisfactionFeedback(step.State.Rating, comment), cancellationToken);
        await turn.SayAsync(turn.Texts.ThanksForFeedback, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static bool IsNoComment(string comment, SupportTurn turn) =>
        comment.Trim().Equals(turn.Texts.NoComment, StringComparison.OrdinalIgnoreCase)
        || YesNoRecognizer.Recognize(comment, turn.Session.Language) == false;
}

/// <summary>The rating given, while the comment is asked for.</summary>
internal sealed class ResolvedState
{
    public int Rating { get; set; }
}
