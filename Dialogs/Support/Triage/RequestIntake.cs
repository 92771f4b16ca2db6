using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Texts;
using FirstLine.Dialogs.Support.Understanding;
using FirstLine.KnowledgeBase.Language;

namespace FirstLine.Dialogs.Support.Triage;

/// <summary>
/// Reads a problem description and turns it into a ticket: analyses it, settles the conversation's language,
/// redacts personal data and secrets before anything is stored, and opens (or extends) the ticket.
/// </summary>
internal sealed class RequestIntake(SupportServices services)
{
    private const int SubjectLength = 80;

    /// <summary>Language of a message switches the conversation only when this sure, and the message says enough.</summary>
    private const double LanguageSwitchConfidence = 0.8;
    private const int LanguageSwitchWords = 5;

    public async Task<TextAnalysis> AnalyzeAsync(SupportTurn turn, CustomerMessage message, bool mayChangeLanguage, CancellationToken cancellationToken)
    {
        var session = turn.Session;
        var analysis = await services.Analyzer.AnalyzeAsync(message.Text, session.LanguageKnown ? session.Language : null, cancellationToken);
        var detected = analysis.Language;
        var supported = detected.Code is SupportLanguage.German or SupportLanguage.English;
        if (!session.LanguageKnown)
        {
            session.Language = supported ? detected.Code : SupportLanguage.English;
            session.LanguageKnown = true;
        }
        else if (mayChangeLanguage && supported && detected.Code != session.Language
                 && detected.Confidence >= LanguageSwitchConfidence && message.WordCount >= LanguageSwitchWords)
        {
            // The customer writes a whole sentence in the other language: answer in theirs, whatever the browser says.
            session.Language = detected.Code;
            await turn.SayAsync(turn.Texts.LanguageSwitched, cancellationToken);
        }

        return analysis;
    }

    /// <summary>Opens a ticket for a new request, in the session, and says its number where replies are mails.</summary>
    public async Task<SupportRequest> OpenAsync(SupportTurn turn, TextAnalysis analysis, string? frustration, CancellationToken cancellationToken)
    {
        var session = turn.Session;
        var activity = turn.Context.Activity;
        var description = analysis.RedactedText;
        var subject = Shorten(description, SubjectLength);
        var ticket = await services.Desk.OpenTicketAsync(
            new TicketRequest(
                activity.GetConversationReference(),
                Customer(turn),
                subject,
                description,
                analysis.Sentiment.Label,
                analysis.KeyPhrases),
            cancellationToken);
        var request = new SupportRequest
        {
            TicketNumber = ticket.Number,
            Status = RequestStatus.Open,
            Text = description,
            Subject = subject,
            Frustration = frustration,
        };
        session.Request = request;
        if (turn.IsOneMessageChannel)
        {
            await turn.SayAsync(turn.Texts.TicketNumberLine(ticket.Number), cancellationToken);
        }

        return request;
    }

    /// <summary>Why the customer seems very frustrated, or null: abuse, or a strongly negative tone.</summary>
    public string? FrustrationOf(CustomerMessage message, TextAnalysis analysis)
    {
        if (Abuse.IsAbusive(message.Text))
        {
            return "the customer uses abusive language";
        }

        var negative = analysis.Sentiment.Scores.Negative;
        return negative >= services.Options.StrongFrustrationScore ? $"very negative tone ({negative:P0} negative)" : null;
    }

    /// <summary>Who the customer is: email senders are known by their address, chat users are anonymous until they say.</summary>
    public static CustomerInfo Customer(SupportTurn turn)
    {
        var from = turn.Context.Activity.From;
        return new CustomerInfo(
            turn.Context.Activity.ChannelId ?? "unknown",
            from?.Id ?? "unknown",
            turn.Session.Language,
            turn.Session.Name,
            turn.Session.Email);
    }

    /// <summary>On channels where the sender is known (email), take name and address from the message once.</summary>
    public static void LearnSender(SupportTurn turn)
    {
        if (!turn.IsOneMessageChannel)
        {
            return;
        }

        var from = turn.Context.Activity.From ?? new ChannelAccount();
        turn.Session.Email ??= Engine.EmailRecognizer.Recognize(from.Id);
        turn.Session.Name ??= string.IsNullOrWhiteSpace(from.Name) || from.Name.Contains('@', StringComparison.Ordinal) ? null : from.Name.Trim();
    }

    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - 1);
        return (cut > length / 2 ? text[..cut] : text[..length]).TrimEnd() + "…";
    }
}
