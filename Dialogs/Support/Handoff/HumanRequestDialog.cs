using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Triage;
using FirstLine.Dialogs.Support.Understanding;

namespace FirstLine.Dialogs.Support.Handoff;

/// <summary>
/// The customer asked for a human. With a request in progress it is handed over at once; without one the bot
/// first asks what it is about, so the ticket says something and reaches the right team.
/// </summary>
internal sealed class HumanRequestDialog : WaterfallDialog<HumanRequestState>
{
    private readonly SupportServices services;
    private readonly RequestIntake intake;

    public HumanRequestDialog(SupportServices services)
        : base(DialogIds.HumanRequest)
    {
        this.services = services;
        intake = new RequestIntake(services);
        AddStep(AskTopicAsync);
        AddStep(HandOverAsync);
        AddStep(FinishAsync);
    }

    private async Task<DialogTurnResult> AskTopicAsync(WaterfallStepContext<HumanRequestState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        RequestIntake.LearnSender(turn);
        if (!turn.Session.Greeted)
        {
            turn.Session.Greeted = true;
            await turn.SayAsync(turn.Texts.Greeting, cancellationToken);
        }

        await turn.SayAsync(turn.Texts.HumanRequested, cancellationToken);
        if (turn.Session.HasOpenRequest)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.PromptAsync(DialogIds.TextPrompt, turn.Text(turn.Texts.HumanNeedsTopic, turn.Texts.HumanNeedsTopic), cancellationToken);
    }

    private async Task<DialogTurnResult> HandOverAsync(WaterfallStepContext<HumanRequestState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (!turn.Session.HasOpenRequest)
        {
            // Even "keine Ahnung" becomes the ticket's description: the agent will ask.
            var topic = step.Result as string ?? "-";
            var message = CustomerMessage.From(topic, services.Options.MaxMessageLength);
            var analysis = await intake.AnalyzeAsync(turn, message.HasNoWords || message.IsEmpty ? CustomerMessage.From("-", 10) : message, mayChangeLanguage: false, cancellationToken);
            await intake.OpenAsync(turn, analysis, intake.FrustrationOf(message, analysis), cancellationToken);
        }

        var queue = turn.Request.CurrentArticleId is { } articleId
            ? services.KnowledgeBase.Find(turn.Session.Language, articleId)?.Queue
            : null;
        var diagnosis = turn.Request.Tried.Count == 0
            ? "The customer asked for a human before the bot could try anything."
            : "The customer asked for a human after: " + string.Join("; ", turn.Request.Tried);
        return await step.BeginDialogAsync(DialogIds.Escalate, new EscalationOptions(HandoffReason.CustomerAsked, queue, diagnosis, null), cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<HumanRequestState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);
}

/// <summary>Nothing to remember beyond the waterfall's position.</summary>
internal sealed class HumanRequestState;
