namespace FirstLine.Dialogs.Support.Texts;

/// <summary>
/// Everything the support conversation says, one subclass per language. Methods take the parts that vary,
/// so translators see whole sentences and the compiler checks every language has every text.
/// </summary>
public abstract class SupportTexts
{
    public static SupportTexts De { get; } = new SupportTextsDe();

    public static SupportTexts En { get; } = new SupportTextsEn();

    /// <summary>Two-letter code: <c>de</c> or <c>en</c>.</summary>
    public abstract string Language { get; }

    /// <summary>German for <c>de</c> and any <c>de-*</c> locale, English for everything else.</summary>
    public static SupportTexts For(string? language) => SupportLanguage.Normalize(language) == "de" ? De : En;

    // Greeting and small talk
    public abstract string Greeting { get; }

    public abstract string HowCanIHelp { get; }

    public abstract string EmptyMessage { get; }

    public abstract string OnlySymbols { get; }

    public abstract string VeryLongMessage { get; }

    public abstract string Help { get; }

    public abstract string YoureWelcome { get; }

    public abstract string CalmReply { get; }

    public abstract string SorryForTrouble { get; }

    public abstract string LanguageSwitched { get; }

    public abstract string StateReset { get; }

    // Answers and guided flows
    public abstract string ArticleIntro(string title);

    public abstract string DidItHelp { get; }

    public abstract string Yes { get; }

    public abstract string No { get; }

    public abstract string AnswerYesOrNo { get; }

    public abstract string ClarifyQuestion { get; }

    public abstract string NoneOfThese { get; }

    public abstract string ClarifyRetry { get; }

    public abstract string PleaseRephrase { get; }

    public abstract string TryNext { get; }

    public abstract string FlowIntro(string title);

    public abstract string FlowRetry { get; }

    public abstract string FlowCorrected { get; }

    public abstract string NewProblem { get; }

    public abstract string NothingFound { get; }

    public abstract string OfferHandoff { get; }

    public abstract string NoHandoffWanted { get; }

    // Priority
    public abstract string ImpactQuestion { get; }

    public abstract string ImpactJustMe { get; }

    public abstract string ImpactMyTeam { get; }

    public abstract string ImpactWholeCompany { get; }

    public abstract string UrgencyQuestion { get; }

    public abstract string UrgencyCanWork { get; }

    public abstract string UrgencyImpaired { get; }

    public abstract string UrgencyCannotWork { get; }

    public abstract string ChoiceRetry { get; }

    // Contact details and handoff
    public abstract string HumanRequested { get; }

    public abstract string HumanNeedsTopic { get; }

    public abstract string Escalating { get; }

    public abstract string AskName { get; }

    public abstract string AskNameRetry { get; }

    public abstract string AskEmail { get; }

    public abstract string AskEmailRetry { get; }

    public abstract string HandedOffAgentNow(string ticketNumber);

    public abstract string HandedOffLater(string ticketNumber, TimeSpan? expectedResponse, bool byEmail);

    public abstract string TicketNumberLine(string ticketNumber);

    // Resolution and survey
    public abstract string Resolved { get; }

    public abstract string AskRating { get; }

    /// <summary>The survey after a human agent helped (resolved the ticket or handed the chat back).</summary>
    public abstract string AskRatingAfterAgent { get; }

    public abstract string RatingRetry { get; }

    public abstract string AskComment { get; }

    public abstract string NoComment { get; }

    public abstract string ThanksForFeedback { get; }

    // Interruptions
    public abstract string Cancelled { get; }

    public abstract string NothingToCancel { get; }

    public abstract string StartOver { get; }

    /// <summary>The line that replaces buttons on channels without them (email).</summary>
    public abstract string ReplyWith(IReadOnlyList<string> options);

    /// <summary>"a, b or c" in this language.</summary>
    protected static string JoinOr(IReadOnlyList<string> quoted, string or) => quoted.Count switch
    {
        0 => string.Empty,
        1 => quoted[0],
        _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + $" {or} " + quoted[^1],
    };
}
