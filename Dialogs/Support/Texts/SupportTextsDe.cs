namespace FirstLine.Dialogs.Support.Texts;

/// <summary>German, in the polite "Sie" form: short sentences, no unexplained jargon.</summary>
internal sealed class SupportTextsDe : SupportTexts
{
    public override string Language => SupportLanguage.German;

    public override string Greeting =>
        "Hallo! Ich bin der virtuelle Assistent des IT-Supports. Beschreiben Sie mir kurz, was nicht funktioniert. " +
        "Wenn Sie lieber mit einem Menschen sprechen, schreiben Sie einfach „Mitarbeiter“.";

    public override string HowCanIHelp => "Hallo! Wobei kann ich Ihnen helfen? Beschreiben Sie kurz, was nicht funktioniert.";

    public override string EmptyMessage => "Ihre Nachricht war leer. Schreiben Sie mir bitte in ein, zwei Sätzen, was nicht funktioniert.";

    public override string OnlySymbols => "Danke! Beschreiben Sie mir bitte in Worten, was nicht funktioniert.";

    public override string VeryLongMessage => "Ihre Nachricht ist sehr lang. Ich habe mir den Anfang angesehen.";

    public override string Help =>
        "Ich helfe bei IT-Problemen, zum Beispiel mit Passwort, WLAN, VPN, Outlook, Teams oder Drucker. " +
        "Beschreiben Sie einfach Ihr Problem. Sie können jederzeit schreiben: „Mitarbeiter“ für einen Menschen, " +
        "„abbrechen“ zum Beenden, „von vorn“ für einen Neuanfang, „English“ für Englisch.";

    public override string YoureWelcome => "Gern geschehen! Wenn Sie noch etwas brauchen, schreiben Sie mir einfach.";

    public override string CalmReply => "Ich verstehe, dass Sie sich ärgern. Ich möchte Ihnen so schnell wie möglich helfen.";

    public override string SorryForTrouble => "Das tut mir leid, das ist ärgerlich.";

    public override string LanguageSwitched => "Gern, ab jetzt schreibe ich auf Deutsch.";

    public override string StateReset =>
        "Entschuldigung, ich habe den Faden verloren, weil ich gerade aktualisiert wurde. Beschreiben Sie Ihr Problem bitte noch einmal.";

    public override string ArticleIntro(string title) => $"Dazu habe ich eine Anleitung: **{title}**";

    public override string DidItHelp => "Hat das geholfen?";

    public override string Yes => "Ja";

    public override string No => "Nein";

    public override string AnswerYesOrNo => "Bitte antworten Sie mit „Ja“ oder „Nein“.";

    public override string ClarifyQuestion => "Ich bin nicht ganz sicher. Meinten Sie eines davon?";

    public override string NoneOfThese => "Nichts davon";

    public override string ClarifyRetry => "Bitte wählen Sie eines der Themen oder „Nichts davon“.";

    public override string PleaseRephrase =>
        "Können Sie es etwas genauer beschreiben? Zum Beispiel: Was wollten Sie tun, und was ist dann passiert?";

    public override string TryNext => "Schade. Dann versuchen wir etwas anderes.";

    public override string FlowIntro(string title) => $"Gehen wir das Schritt für Schritt durch: **{title}**";

    public override string FlowRetry => "Bitte wählen Sie eine der Antworten.";

    public override string FlowCorrected => "Kein Problem, ich habe Ihre Antwort korrigiert.";

    public override string NewProblem => "Verstanden, das ist ein neues Thema. Das schauen wir uns an.";

    public override string NothingFound => "Dazu habe ich leider keine passende Anleitung.";

    public override string OfferHandoff => "Soll ich Ihr Anliegen an einen Kollegen aus dem IT-Support weitergeben?";

    public override string NoHandoffWanted => "In Ordnung. Wenn ich bei einem IT-Problem helfen kann, schreiben Sie mir einfach.";

    public override string ImpactQuestion => "Wer ist davon betroffen?";

    public override string ImpactJustMe => "Nur ich";

    public override string ImpactMyTeam => "Mein Team";

    public override string ImpactWholeCompany => "Die ganze Firma";

    public override string UrgencyQuestion => "Können Sie im Moment arbeiten?";

    public override string UrgencyCanWork => "Ja, normal";

    public override string UrgencyImpaired => "Nur eingeschränkt";

    public override string UrgencyCannotWork => "Nein, gar nicht";

    public override string ChoiceRetry => "Bitte wählen Sie eine der Antworten.";

    public override string HumanRequested => "Gern gebe ich Sie an einen Menschen aus dem IT-Support weiter.";

    public override string HumanNeedsTopic => "Worum geht es? Beschreiben Sie es bitte in einem Satz, damit sich gleich die richtige Person kümmert.";

    public override string Escalating => "Das gebe ich an einen Kollegen aus dem IT-Support weiter.";

    public override string AskName => "Wie heißen Sie? Bitte schreiben Sie Vor- und Nachnamen.";

    public override string AskNameRetry => "Bitte schreiben Sie Ihren Namen, zum Beispiel „Anna Schmidt“.";

    public override string AskEmail => "An welche E-Mail-Adresse dürfen wir Ihnen antworten?";

    public override string AskEmailRetry => "Das sieht nicht wie eine E-Mail-Adresse aus. Bitte schreiben Sie sie so: name@firma.de";

    public override string HandedOffAgentNow(string ticketNumber) =>
        $"Ich habe Ihr Anliegen weitergegeben. Ihre Ticketnummer ist {ticketNumber}. Ein Kollege meldet sich gleich hier im Chat.";

    public override string HandedOffLater(string ticketNumber, TimeSpan? expectedResponse, bool byEmail)
    {
        var when = expectedResponse is { } time ? $"innerhalb von etwa {Duration(time)}" : "so bald wie möglich";
        var how = byEmail ? "per E-Mail" : "hier oder per E-Mail";
        return $"Ich habe Ihr Anliegen weitergegeben. Ihre Ticketnummer ist {ticketNumber}. " +
               $"Gerade ist niemand frei. Wir melden uns {when} {how} bei Ihnen.";
    }

    public override string TicketNumberLine(string ticketNumber) => $"Ihre Ticketnummer: {ticketNumber}";

    public override string Resolved => "Prima, das freut mich!";

    public override string AskRating => "Wie zufrieden sind Sie mit meiner Hilfe? 1 = gar nicht, 5 = sehr.";

    public override string AskRatingAfterAgent => "Wie zufrieden sind Sie mit der Hilfe unseres Support-Teams? 1 = gar nicht, 5 = sehr.";

    public override string RatingRetry => "Bitte antworten Sie mit einer Zahl von 1 bis 5.";

    public override string AskComment => "Möchten Sie uns noch etwas sagen? Schreiben Sie es einfach, oder antworten Sie mit „Nein, danke“.";

    public override string NoComment => "Nein, danke";

    public override string ThanksForFeedback => "Danke für Ihre Rückmeldung! Wenn Sie noch etwas brauchen, schreiben Sie mir einfach.";

    public override string Cancelled => "In Ordnung, ich habe Ihr Anliegen abgebrochen. Wenn Sie wieder Hilfe brauchen, schreiben Sie mir einfach.";

    public override string NothingToCancel => "Es ist gerade nichts offen. Wobei kann ich helfen?";

    public override string StartOver => "Gut, wir fangen von vorn an. Was funktioniert nicht?";

    public override string ReplyWith(IReadOnlyList<string> options) =>
        $"Antworten Sie mit {JoinOr([.. options.Select(o => $"„{o}“")], "oder")}.";

    private static string Duration(TimeSpan time) => time switch
    {
        { TotalDays: >= 1 } when Math.Round(time.TotalDays) == 1 => "einem Tag",
        { TotalDays: >= 1 } => $"{Math.Round(time.TotalDays)} Tagen",
        { TotalHours: >= 1 } when Math.Round(time.TotalHours) == 1 => "einer Stunde",
        { TotalHours: >= 1 } => $"{Math.Round(time.TotalHours)} Stunden",
        _ => $"{Math.Max(1, Math.Round(time.TotalMinutes))} Minuten",
    };
}
