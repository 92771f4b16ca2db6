using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Understanding;

namespace FirstLine.Dialogs.Support.Resolution;

/// <summary>
/// How satisfied the customer is (1–5) and an optional comment, stored on the ticket. Asked after the bot solved a
/// request and after a human agent let go of the conversation. Both answers are optional; an unusable answer ends
/// the survey politely.
/// </summary>
internal sealed class SatisfactionDialog : WaterfallDialog<SatisfactionState>
{
    private static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    private readonly SupportServices services;

    public SatisfactionDialog(SupportServices services)
        : base(DialogIds.Satisfaction)
    {
        this.services = services;
        AddStep(AskRatingAsync);
        AddStep(AskCommentAsync);
        AddStep(ThankAsync);
    }

    private async Task<DialogTurnResult> AskRatingAsync(WaterfallStepContext<SatisfactionState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<SatisfactionOptions>() ?? throw new InvalidOperationException("The survey needs the ticket it rates.");
        step.State.TicketNumber = options.TicketNumber;
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var question = options.AfterAgent ? turn.Texts.AskRatingAfterAgent : turn.Texts.AskRating;
        return await step.PromptAsync(DialogIds.ChoicePrompt, turn.Choices(question, turn.Texts.RatingRetry, Ratings), cancellationToken);
    }

    private async Task<DialogTurnResult> AskCommentAsync(WaterfallStepContext<SatisfactionState> step, CancellationToken cancellationToken)
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

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext<SatisfactionState> step, CancellationToken cancellationToken)
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

        await services.Desk.RecordSatisfactionAsync(step.State.TicketNumber, new SatisfactionFeedback(step.State.Rating, comment), cancellationToken);
        await turn.SayAsync(turn.Texts.ThanksForFeedback, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static bool IsNoComment(string comment, SupportTurn turn) =>
        comment.Trim().Equals(turn.Texts.NoComment, StringComparison.OrdinalIgnoreCase)
        || YesNoRecognizer.Recognize(comment, turn.Session.Language) == false;
}

/// <summary>The ticket being rated and the rating given, while the comment is asked for.</summary>
internal sealed class SatisfactionState
{
    public string TicketNumber { get; set; } = string.Empty;

    public int Rating { get; set; }
}
