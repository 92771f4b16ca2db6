namespace FirstLine.Dialogs.Support.Texts;

/// <summary>English: plain words, short sentences.</summary>
internal sealed class SupportTextsEn : SupportTexts
{
    public override string Language => SupportLanguage.English;

    public override string Greeting =>
        "Hello! I'm the IT support's virtual assistant. Tell me briefly what isn't working. " +
        "If you'd rather talk to a person, just type \"agent\".";

    public override string HowCanIHelp => "Hello! How can I help? Tell me briefly what isn't working.";

    public override string EmptyMessage => "Your message was empty. Please tell me in a sentence or two what isn't working.";

    public override string OnlySymbols => "Thanks! Please tell me in words what isn't working.";

    public override string VeryLongMessage => "Your message is very long. I have read the beginning.";

    public override string Help =>
        "I help with IT problems, for example passwords, WiFi, VPN, Outlook, Teams or printers. " +
        "Just describe your problem. At any time you can type \"agent\" for a person, \"cancel\" to stop, " +
        "\"start over\" to begin again, or \"Deutsch\" for German.";

    public override string YoureWelcome => "You're welcome! If you need anything else, just write to me.";

    public override string CalmReply => "I understand this is frustrating. I want to help you as quickly as I can.";

    public override string SorryForTrouble => "I'm sorry, that's annoying.";

    public override string LanguageSwitched => "Sure, I'll write in English from now on.";

    public override string StateReset =>
        "Sorry, I lost track of our conversation because I was just updated. Please describe your problem once more.";

    public override string ArticleIntro(string title) => $"I have a guide for this: **{title}**";

    public override string DidItHelp => "Did that help?";

    public override string Yes => "Yes";

    public override string No => "No";

    public override string AnswerYesOrNo => "Please answer \"Yes\" or \"No\".";

    public override string ClarifyQuestion => "I'm not quite sure. Did you mean one of these?";

    public override string NoneOfThese => "None of these";

    public override string ClarifyRetry => "Please pick one of the topics or \"None of these\".";

    public override string PleaseRephrase =>
        "Could you describe it a little more? For example: what were you trying to do, and what happened then?";

    public override string TryNext => "Sorry about that. Let's try something else.";

    public override string FlowIntro(string title) => $"Let's go through this step by step: **{title}**";

    public override string FlowRetry => "Please pick one of the answers.";

    public override string FlowCorrected => "No problem, I've corrected your answer.";

    public override string NewProblem => "Got it, that's a new topic. Let's look at it.";

    public override string NothingFound => "Sorry, I don't have a matching guide for this.";

    public override string OfferHandoff => "Shall I pass your request on to a colleague from IT support?";

    public override string NoHandoffWanted => "All right. If I can help with an IT problem, just write to me.";

    public override string ImpactQuestion => "Who is affected?";

    public override string ImpactJustMe => "Just me";

    public override string ImpactMyTeam => "My team";

    public override string ImpactWholeCompany => "The whole company";

    public override string UrgencyQuestion => "Can you work at the moment?";

    public override string UrgencyCanWork => "Yes, normally";

    public override string UrgencyImpaired => "Only partly";

    public override string UrgencyCannotWork => "No, not at all";

    public override string ChoiceRetry => "Please pick one of the answers.";

    public override string HumanRequested => "Of course, I'll pass you on to a person from IT support.";

    public override string HumanNeedsTopic => "What is it about? Please describe it in one sentence so the right person can help you.";

    public override string Escalating => "I'll pass this on to a colleague from IT support.";

    public override string AskName => "What's your name? Please write your first and last name.";

    public override string AskNameRetry => "Please write your name, for example \"Anna Smith\".";

    public override string AskEmail => "Which email address can we reply to?";

    public override string AskEmailRetry => "That doesn't look like an email address. Please write it like this: name@company.com";

    public override string HandedOffAgentNow(string ticketNumber) =>
        $"I've passed your request on. Your ticket number is {ticketNumber}. A colleague will join this chat shortly.";

    public override string HandedOffLater(string ticketNumber, TimeSpan? expectedResponse, bool byEmail)
    {
        var when = expectedResponse is { } time ? $"within about {Duration(time)}" : "as soon as possible";
        var how = byEmail ? "by email" : "here or by email";
        return $"I've passed your request on. Your ticket number is {ticketNumber}. " +
               $"Nobody is free right now. We'll get back to you {how} {when}.";
    }

    public override string TicketNumberLine(string ticketNumber) => $"Your ticket number: {ticketNumber}";

    public override string Resolved => "Great, I'm glad to hear that!";

    public override string AskRating => "How happy are you with my help? 1 = not at all, 5 = very.";

    public override string AskRatingAfterAgent => "How happy are you with the help from our support team? 1 = not at all, 5 = very.";

    public override string RatingRetry => "Please answer with a number from 1 to 5.";

    public override string AskComment => "Anything else you'd like to tell us? Just write it, or answer \"No, thanks\".";

    public override string NoComment => "No, thanks";

    public override string ThanksForFeedback => "Thank you for your feedback! If you need anything else, just write to me.";

    public override string Cancelled => "All right, I've cancelled your request. If you need help again, just write to me.";

    public override string NothingToCancel => "There's nothing open right now. How can I help?";

    public override string StartOver => "OK, let's start over. What isn't working?";

    public override string ReplyWith(IReadOnlyList<string> options) =>
        $"Reply with {JoinOr([.. options.Select(o => $"\"{o}\"")], "or")}.";

    private static string Duration(TimeSpan time) => time switch
    {
        { TotalDays: >= 1 } when Math.Round(time.TotalDays) == 1 => "one day",
        { TotalDays: >= 1 } => $"{Math.Round(time.TotalDays)} days",
        { TotalHours: >= 1 } when Math.Round(time.TotalHours) == 1 => "one hour",
        { TotalHours: >= 1 } => $"{Math.Round(time.TotalHours)} hours",
        _ => $"{Math.Max(1, Math.Round(time.TotalMinutes))} minutes",
    };
}
