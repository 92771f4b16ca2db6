using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Understanding;
using FirstLine.KnowledgeBase.Search;

namespace FirstLine.Dialogs.Support.Triage;

/// <summary>
/// Understands a request and decides what to do with it, following the knowledge base: answer it, ask
/// "Meinten Sie …?", ask for more detail once when it is vague, or offer a human when nothing fits.
/// </summary>
internal sealed class TriageDialog : WaterfallDialog<TriageState>
{
    private const int MaxQueryLength = 4000;

    /// <summary>An offer is shown when the search is at least this share as sure of it as of the best one.</summary>
    private const double RelevantOfferShare = 0.25;

    private readonly SupportServices services;
    private readonly RequestIntake intake;

    public TriageDialog(SupportServices services)
        : base(DialogIds.Triage)
    {
        this.services = services;
        intake = new RequestIntake(services);
        AddStep(UnderstandAsync);

        // Routing may ask once more ("Nichts davon" → "describe it more", "no article" → "shall I hand over?"),
        // so the answer to that comes back to routing; after two rounds every path has ended or moved on.
        AddStep(RouteAsync);
        AddStep(RouteAsync);
        AddStep(FinishAsync);
    }

    private async Task<DialogTurnResult> UnderstandAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        var options = step.GetOptions<TriageOptions>() ?? new TriageOptions(step.Context.Activity.Text ?? string.Empty);
        var turn = new SupportTurn(step.DialogContext, services.Options);
        RequestIntake.LearnSender(turn);
        if (options.Again && turn.Session.HasOpenRequest)
        {
            // The request's words are in the old language; article ids are the same in both, so let the search detect it.
            return await SearchAsync(step, turn, turn.Request, 0, detectLanguage: true, cancellationToken);
        }

        var message = CustomerMessage.From(options.Text, services.Options.MaxMessageLength);
        if (await AnswerWithoutRequestAsync(turn, message, cancellationToken))
        {
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var analysis = await intake.AnalyzeAsync(turn, message, mayChangeLanguage: !options.Continues, cancellationToken);
        await GreetOnceAsync(turn, cancellationToken);
        if (message.WasTruncated)
        {
            await turn.SayAsync(turn.Texts.VeryLongMessage, cancellationToken);
        }

        var frustration = intake.FrustrationOf(message, analysis);
        if (Abuse.IsAbusive(message.Text))
        {
            await turn.SayAsync(turn.Texts.CalmReply, cancellationToken);
            if (Abuse.IsOnlyAbuse(message.Text))
            {
                await turn.SayAsync(turn.Texts.HowCanIHelp, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }
        }
        else if (frustration is not null && !options.Continues)
        {
            await turn.SayAsync(turn.Texts.SorryForTrouble, cancellationToken);
        }

        SupportRequest request;
        if (options.Continues && turn.Session.HasOpenRequest)
        {
            request = turn.Request;
            request.Text = $"{request.Text} {analysis.RedactedText}";
            request.Frustration ??= frustration;
        }
        else
        {
            request = await intake.OpenAsync(turn, analysis, frustration, cancellationToken);
        }

        return await SearchAsync(step, turn, request, message.WordCount, detectLanguage: false, cancellationToken);
    }

    private async Task<DialogTurnResult> SearchAsync(
        WaterfallStepContext<TriageState> step, SupportTurn turn, SupportRequest request, int words, bool detectLanguage, CancellationToken cancellationToken)
    {
        var query = RequestIntake.Shorten(Abuse.Strip(request.Text), MaxQueryLength);
        var result = await services.KnowledgeBase.SearchAsync(query, detectLanguage ? null : turn.Session.Language, cancellationToken);
        step.State.Candidates = [.. result.Candidates.Select(c => new CandidateRef(c.Article.Id, c.Confidence))];
        switch (result.Decision)
        {
            case SearchDecision.Answer:
                step.State.Stage = TriageStage.Solving;
                return await step.BeginDialogAsync(DialogIds.Solve, new SolveOptions(step.State.Candidates, 0, 0), cancellationToken);

            case SearchDecision.Clarify when turn.IsOneMessageChannel:
                // A choice by email costs a day: send the best article; a "no" brings the next one.
                step.State.Stage = TriageStage.Solving;
                return await step.BeginDialogAsync(DialogIds.Solve, new SolveOptions(step.State.Candidates, 0, 0), cancellationToken);

            case SearchDecision.Clarify:
                // Offers far behind the best one only confuse ("Teams audio?" for a locked account).
                var best = result.Offers[0].Confidence;
                var offers = result.Offers.Where(c => c.Confidence >= best * RelevantOfferShare).ToList();
                step.State.Stage = TriageStage.Clarify;
                step.State.Offers = [.. offers.Select(c => new CandidateRef(c.Article.Id, c.Confidence))];
                var titles = offers
                    .Select(c => services.KnowledgeBase.Find(turn.Session.Language, c.Article.Id)?.Title ?? c.Article.Title)
                    .Append(turn.Texts.NoneOfThese)
                    .ToList();
                return await step.PromptAsync(DialogIds.ClarifyPrompt, turn.Choices(turn.Texts.ClarifyQuestion, turn.Texts.ClarifyRetry, titles), cancellationToken);

            default:
                if (!request.Rephrased && words > 0 && words < services.Options.VagueRequestWords)
                {
                    return await AskToRephraseAsync(step, turn, cancellationToken);
                }

                step.State.Stage = TriageStage.OfferHandoff;
                await turn.SayAsync(turn.Texts.NothingFound, cancellationToken);
                return await step.PromptAsync(DialogIds.ConfirmPrompt, turn.YesNo(turn.Texts.OfferHandoff), cancellationToken);
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await EscalateAsync(step, HandoffReason.NotUnderstood, cancellationToken);
        }

        switch (step.State.Stage)
        {
            case TriageStage.Clarify:
                // "Ja" to "Meinten Sie eines davon?" means the first; "nein" means none of them.
                var index = step.Result is FoundChoice choice
                    ? choice.Index
                    : YesNoRecognizer.Recognize(step.Context.Activity.Text, turn.Session.Language) == true ? 0 : step.State.Offers.Count;
                if (index >= step.State.Offers.Count)
                {
                    return turn.Request.Rephrased
                        ? await NothingFitsAsync(step, turn, cancellationToken)
                        : await AskToRephraseAsync(step, turn, cancellationToken);
                }

                // The chosen article first, then the other offers (the search thought them close enough to ask),
                // then the remaining candidates, as fallbacks after a "no".
                var chosen = step.State.Offers[index];
                var order = step.State.Offers.Where(c => c != chosen).Select(c => c with { Offered = true })
                    .Concat(step.State.Candidates.Where(c => step.State.Offers.All(o => o.ArticleId != c.ArticleId)))
                    .Prepend(chosen)
                    .ToList();
                step.State.Stage = TriageStage.Solving;
                return await step.BeginDialogAsync(DialogIds.Solve, new SolveOptions(order, 0, 0), cancellationToken);

            case TriageStage.Rephrase when step.Result is string text:
                return await step.ReplaceDialogAsync(DialogIds.Triage, new TriageOptions(text, Continues: true), cancellationToken);

            case TriageStage.OfferHandoff when step.Result is bool yes:
                if (yes)
                {
                    return await EscalateAsync(step, HandoffReason.NoArticleFound, cancellationToken);
                }

                turn.Request.Status = RequestStatus.Withdrawn;
                await services.Desk.WithdrawAsync(turn.Request.TicketNumber, cancellationToken);
                await turn.SayAsync(turn.Texts.NoHandoffWanted, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);

            default:
                // Solving or escalating has finished: so has the triage.
                return await step.EndDialogAsync(step.Result, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);

    private async Task<DialogTurnResult> AskToRephraseAsync(WaterfallStepContext<TriageState> step, SupportTurn turn, CancellationToken cancellationToken)
    {
        turn.Request.Rephrased = true;
        step.State.Stage = TriageStage.Rephrase;
        return await step.PromptAsync(DialogIds.TextPrompt, turn.Text(turn.Texts.PleaseRephrase, turn.Texts.PleaseRephrase), cancellationToken);
    }

    private async Task<DialogTurnResult> NothingFitsAsync(WaterfallStepContext<TriageState> step, SupportTurn turn, CancellationToken cancellationToken)
    {
        await turn.SayAsync(turn.Texts.NothingFound, cancellationToken);
        return await EscalateAsync(step, HandoffReason.NoArticleFound, cancellationToken);
    }

    private static Task<DialogTurnResult> EscalateAsync(WaterfallStepContext<TriageState> step, HandoffReason reason, CancellationToken cancellationToken)
    {
        step.State.Stage = TriageStage.Escalating;
        return step.BeginDialogAsync(DialogIds.Escalate, new EscalationOptions(reason, null, null, null), cancellationToken);
    }

    /// <summary>Lets "ja"/"nein" through the clarify question, which offers topics rather than yes and no.</summary>
    public static Task<bool> AcceptYesNoAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Task.FromResult(prompt.Recognized.Succeeded || YesNoRecognizer.Recognize(prompt.Context.Activity.Text, prompt.Context.Activity.Locale) is not null);
    }

    /// <summary>Messages that are no request: nothing, only emoji, a greeting, thanks, a lone yes or no.</summary>
    private static async Task<bool> AnswerWithoutRequestAsync(SupportTurn turn, CustomerMessage message, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        string? answer = message switch
        {
            { IsEmpty: true } => texts.EmptyMessage,
            { HasNoWords: true } => texts.OnlySymbols,
            _ when SmallTalk.IsGreetingOnly(message.Text) => turn.Session.Greeted ? texts.HowCanIHelp : null,
            _ when SmallTalk.IsThanksOnly(message.Text) => texts.YoureWelcome,
            _ when SmallTalk.IsLoneYesOrNo(message) => texts.HowCanIHelp,
            _ => null,
        };
        if (answer is null && SmallTalk.IsGreetingOnly(message.Text))
        {
            // Not greeted yet (no locale at the start): the greeting is the answer, in the language of "Hallo"/"Hello".
            if (!turn.Session.LanguageKnown)
            {
                turn.Session.Language = SmallTalk.LanguageOfGreeting(message.Text);
                turn.Session.LanguageKnown = true;
            }

            turn.Session.Greeted = true;
            answer = turn.Texts.Greeting;
        }

        if (answer is null)
        {
            return false;
        }

        await GreetOnceAsync(turn, cancellationToken);
        await turn.SayAsync(answer, cancellationToken);
        return true;
    }

    private static async Task GreetOnceAsync(SupportTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.Session.Greeted)
        {
            turn.Session.Greeted = true;
            await turn.SayAsync(turn.Texts.Greeting, cancellationToken);
        }
    }
}

/// <summary>What the triage remembers while it waits for an answer.</summary>
internal sealed class TriageState
{
    public TriageStage Stage { get; set; }

    public List<CandidateRef> Candidates { get; set; } = [];

    public List<CandidateRef> Offers { get; set; } = [];
}

internal enum TriageStage
{
    Solving,
    Clarify,
    Rephrase,
    OfferHandoff,
    Escalating,
}
