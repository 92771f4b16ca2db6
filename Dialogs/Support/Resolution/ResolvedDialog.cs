using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Support.Resolution;

/// <summary>The article helped: the ticket is resolved at level 1 with it, and the customer may rate the help.</summary>
internal sealed class ResolvedDialog : WaterfallDialog<ResolvedState>
{
    private readonly SupportServices services;

    public ResolvedDialog(SupportServices services)
        : base(DialogIds.Resolved)
    {
        this.services = services;
        AddStep(ResolveAsync);
        AddStep(FinishAsync);
    }

    private async Task<DialogTurnResult> ResolveAsync(WaterfallStepContext<ResolvedState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<ResolvedOptions>() ?? throw new InvalidOperationException("The resolved dialog needs its article.");
        var turn = new SupportTurn(step.DialogContext, services.Options);
        await services.Desk.ResolveAtFirstLevelAsync(turn.Request.TicketNumber, new FirstLevelResolution(options.ArticleId, options.Language, options.Title), cancellationToken);
        turn.Request.Status = RequestStatus.Resolved;
        await turn.SayAsync(turn.Texts.Resolved, cancellationToken);
        return await step.BeginDialogAsync(DialogIds.Satisfaction, new SatisfactionOptions(turn.Request.TicketNumber, AfterAgent: false), cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<ResolvedState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(null, cancellationToken);
}

/// <summary>Nothing to remember beyond the waterfall's position.</summary>
internal sealed class ResolvedState;
