using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Handoff;
using FirstLine.Dialogs.Support.Resolution;
using FirstLine.Dialogs.Support.Solving;
using FirstLine.Dialogs.Support.Texts;
using FirstLine.Dialogs.Support.Triage;
using FirstLine.Dialogs.Support.Understanding;
using FirstLine.KnowledgeBase.Search;

namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>
/// The whole first-level conversation. Before any inner dialog sees a message, this catches what the customer
/// may say at any point: a human, cancel, start over, help, another language, insults, and a new problem
/// while a question about the old one waits.
/// </summary>
internal sealed class SupportDialog : ComponentDialog
{
    /// <summary>A message this long that is no answer to a yes/no or choice question may be a new problem.</summary>
    private const int NewProblemWords = 5;

    /// <summary>A message this long is no rating ("sehr gut" may be one, said in words); it is read as a request.</summary>
    private const int SurveySkipWords = 3;

    private static readonly HashSet<string> AnswerPrompts = new(StringComparer.Ordinal)
    {
        DialogIds.ConfirmPrompt, DialogIds.ChoicePrompt, DialogIds.FlowPrompt, DialogIds.ClarifyPrompt,
    };

    private readonly SupportServices services;

    public SupportDialog(SupportServices services)
        : base(DialogIds.Support)
    {
        this.services = services;
        AddDialog(new SessionDialog(services.Options));
        AddDialog(new TriageDialog(services));
        AddDialog(new SolveDialog(services));
        AddDialog(new FlowDialog(services));
        AddDialog(new EscalateDialog(services));
        AddDialog(new HumanRequestDialog(services));
        AddDialog(new ResolvedDialog(services));
        AddDialog(new SatisfactionDialog(services));
        AddDialog(new ConfirmPrompt(DialogIds.ConfirmPrompt));
        AddDialog(new ChoicePrompt(DialogIds.ChoicePrompt));
        AddDialog(new ChoicePrompt(DialogIds.FlowPrompt, FlowDialog.AcceptCorrectionsAsync));
        AddDialog(new ChoicePrompt(DialogIds.ClarifyPrompt, TriageDialog.AcceptYesNoAsync));
        AddDialog(new TextPrompt(DialogIds.TextPrompt));
        AddDialog(new TextPrompt(DialogIds.NamePrompt, EscalateDialog.ValidateNameAsync));
        AddDialog(new EmailPrompt(DialogIds.EmailPrompt));
        InitialDialogId = DialogIds.Session;
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var turn = new SupportTurn(innerDc, services.Options);
        if (AgentHandback.IsCompleted(innerDc.Context.Activity, out _) && RequestRunning(innerDc))
        {
            // A human had the conversation: a question the bot asked before the handoff is long gone.
            await RestartAsync(innerDc, turn.Session, cancellationToken);
        }

        if (!innerDc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return await innerDc.ContinueDialogAsync(cancellationToken);
        }

        var message = CustomerMessage.From(innerDc.Context.Activity.Text, services.Options.MaxMessageLength);
        var handled = InterruptionRecognizer.Recognize(message.Text) switch
        {
            Interruption.Human => await HumanAsync(innerDc, turn, cancellationToken),
            Interruption.Cancel => await CancelAsync(innerDc, turn, startOver: false, cancellationToken),
            Interruption.StartOver => await CancelAsync(innerDc, turn, startOver: true, cancellationToken),
            Interruption.Help => await HelpAsync(innerDc, turn, cancellationToken),
            Interruption.SwitchToGerman => await SwitchLanguageAsync(innerDc, turn, SupportLanguage.German, cancellationToken),
            Interruption.SwitchToEnglish => await SwitchLanguageAsync(innerDc, turn, SupportLanguage.English, cancellationToken),
            _ => await AbuseAsync(innerDc, turn, message, cancellationToken)
                 || await SkipSurveyAsync(innerDc, turn, message, cancellationToken)
                 || await NewProblemAsync(innerDc, turn, message, cancellationToken),
        };
        return handled ? Dialog.EndOfTurn : await innerDc.ContinueDialogAsync(cancellationToken);
    }

    private static bool RequestRunning(DialogContext innerDc) => innerDc.Stack.Count > 1;

    private static bool Running(DialogContext innerDc, string dialogId) => innerDc.Stack.Any(i => i.Id == dialogId);

    /// <summary>Ends every request dialog but keeps the session (language, contact, the request record).</summary>
    private static async Task RestartAsync(DialogContext innerDc, SupportSession session, CancellationToken cancellationToken)
    {
        await innerDc.CancelAllDialogsAsync(cancellationToken);
        await innerDc.BeginDialogAsync(DialogIds.Session, session, cancellationToken);
    }

    private static async Task<bool> HumanAsync(DialogContext innerDc, SupportTurn turn, CancellationToken cancellationToken)
    {
        if (Running(innerDc, DialogIds.Escalate) || Running(innerDc, DialogIds.HumanRequest))
        {
            // Already on the way to a human: the question that waits is part of it.
            await innerDc.RepromptDialogAsync(cancellationToken);
            return true;
        }

        await RestartAsync(innerDc, turn.Session, cancellationToken);
        await innerDc.BeginDialogAsync(DialogIds.HumanRequest, null, cancellationToken);
        return true;
    }

    private async Task<bool> CancelAsync(DialogContext innerDc, SupportTurn turn, bool startOver, CancellationToken cancellationToken)
    {
        var hadSomething = RequestRunning(innerDc) || turn.Session.HasOpenRequest;
        await WithdrawOpenRequestAsync(turn, cancellationToken);
        await RestartAsync(innerDc, turn.Session, cancellationToken);
        var texts = turn.Texts;
        await turn.SayAsync(startOver ? texts.StartOver : hadSomething ? texts.Cancelled : texts.NothingToCancel, cancellationToken);
        return true;
    }

    private static async Task<bool> HelpAsync(DialogContext innerDc, SupportTurn turn, CancellationToken cancellationToken)
    {
        await turn.SayAsync(turn.Texts.Help, cancellationToken);
        if (RequestRunning(innerDc))
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
        }

        return true;
    }

    private static async Task<bool> SwitchLanguageAsync(DialogContext innerDc, SupportTurn turn, string language, CancellationToken cancellationToken)
    {
        turn.Session.Language = language;
        turn.Session.LanguageKnown = true;
        await turn.SayAsync(turn.Texts.LanguageSwitched, cancellationToken);
        if (turn.Session.HasOpenRequest && !Running(innerDc, DialogIds.Escalate) && !Running(innerDc, DialogIds.HumanRequest))
        {
            // Questions already asked are in the old language: look at the request again, now in the new one.
            await RestartAsync(innerDc, turn.Session, cancellationToken);
            await innerDc.BeginDialogAsync(DialogIds.Triage, new TriageOptions(string.Empty, Again: true), cancellationToken);
        }
        else if (RequestRunning(innerDc))
        {
            await innerDc.RepromptDialogAsync(cancellationToken);
        }
        else
        {
            await turn.SayAsync(turn.Texts.HowCanIHelp, cancellationToken);
        }

        return true;
    }

    /// <summary>Nothing but insults while a question waits: answer calmly, note it for the priority, ask again.</summary>
    private static async Task<bool> AbuseAsync(DialogContext innerDc, SupportTurn turn, CustomerMessage message, CancellationToken cancellationToken)
    {
        if (!RequestRunning(innerDc) || !Abuse.IsOnlyAbuse(message.Text))
        {
            return false;
        }

        if (turn.Session.Request is { Status: RequestStatus.Open } request)
        {
            request.Frustration ??= "the customer uses abusive language";
        }

        await turn.SayAsync(turn.Texts.CalmReply, cancellationToken);
        await innerDc.RepromptDialogAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Asked for a rating, the customer writes a sentence instead ("I forgot my password"): nobody wants to be told to
    /// answer 1 to 5 first. The survey ends unanswered and the sentence is taken as a new request.
    /// </summary>
    private static async Task<bool> SkipSurveyAsync(DialogContext innerDc, SupportTurn turn, CustomerMessage message, CancellationToken cancellationToken)
    {
        if (innerDc.ActiveDialog?.Id != DialogIds.ChoicePrompt || !Running(innerDc, DialogIds.Satisfaction)
            || message.WordCount < SurveySkipWords
            || ChoiceRecognizer.Recognize(message.Text, [.. turn.Session.OfferedAnswers.Select(a => new Choice(a))], turn.Session.Language) is not null)
        {
            return false;
        }

        await RestartAsync(innerDc, turn.Session, cancellationToken);
        await innerDc.BeginDialogAsync(DialogIds.Triage, new TriageOptions(message.Text), cancellationToken);
        return true;
    }

    /// <summary>
    /// A sentence that answers none of the offered choices and that the knowledge base clearly knows as another
    /// topic is a new problem: the old request is withdrawn and the new one triaged.
    /// </summary>
    private async Task<bool> NewProblemAsync(DialogContext innerDc, SupportTurn turn, CustomerMessage message, CancellationToken cancellationToken)
    {
        if (innerDc.ActiveDialog is not { } active || !AnswerPrompts.Contains(active.Id)
            || message.WordCount < NewProblemWords || Running(innerDc, DialogIds.Escalate) || Running(innerDc, DialogIds.Satisfaction)
            || YesNoRecognizer.Recognize(message.Text, turn.Session.Language) is not null || Correction.TryParse(message.Text, out _)
            || ChoiceRecognizer.Recognize(message.Text, [.. turn.Session.OfferedAnswers.Select(a => new Choice(a))], turn.Session.Language) is not null)
        {
            return false;
        }

        // "Ach egal, …" / "forget that, …" says it outright; otherwise the knowledge base must know the other topic.
        var saysNewTopic = NewTopic.TryStrip(message.Text, out var problem);
        var search = await services.KnowledgeBase.SearchAsync(Abuse.Strip(problem), turn.Session.Language, cancellationToken);
        if (!saysNewTopic && (search.Decision == SearchDecision.Escalate || search.Best!.Article.Id == turn.Session.Request?.CurrentArticleId))
        {
            return false;
        }

        if (active.Id == DialogIds.ClarifyPrompt)
        {
            // Asked "Meinten Sie …?", the customer described the same problem in other words.
            await RestartAsync(innerDc, turn.Session, cancellationToken);
            await innerDc.BeginDialogAsync(DialogIds.Triage, new TriageOptions(message.Text, Continues: true), cancellationToken);
            return true;
        }

        await turn.SayAsync(turn.Texts.NewProblem, cancellationToken);
        await WithdrawOpenRequestAsync(turn, cancellationToken);
        await RestartAsync(innerDc, turn.Session, cancellationToken);
        await innerDc.BeginDialogAsync(DialogIds.Triage, new TriageOptions(problem), cancellationToken);
        return true;
    }

    private async Task WithdrawOpenRequestAsync(SupportTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Session.Request is { Status: RequestStatus.Open } request)
        {
            request.Status = RequestStatus.Withdrawn;
            await services.Desk.WithdrawAsync(request.TicketNumber, cancellationToken);
        }
    }
}
