using System.Globalization;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents.Console;

/// <summary>
/// Every word of the console's own UI, in German and English. Customer and bot text is shown as written;
/// only the frame around it is translated.
/// </summary>
public sealed record ConsoleTexts
{
    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string SignIn { get; init; }

    public required string SignOut { get; init; }

    public required string Email { get; init; }

    public required string Password { get; init; }

    public required string SignInFailed { get; init; }

    public required string SignInLocked { get; init; }

    public required string Queue { get; init; }

    public required string Level { get; init; }

    public required string LanguageLabel { get; init; }

    public required string Status { get; init; }

    public required string Priority { get; init; }

    public required string Mine { get; init; }

    public required string All { get; init; }

    public required string Number { get; init; }

    public required string Subject { get; init; }

    public required string Customer { get; init; }

    public required string Assignee { get; init; }

    public required string Due { get; init; }

    public required string NoTickets { get; init; }

    public required string NewHandoff { get; init; }

    public required string EnableNotifications { get; init; }

    public required string Live { get; init; }

    public required string Offline { get; init; }

    public required string Transcript { get; init; }

    public required string CustomerRole { get; init; }

    public required string BotRole { get; init; }

    public required string AgentRole { get; init; }

    public required string NoteRole { get; init; }

    public required string BotSummary { get; init; }

    public required string PriorityRationale { get; init; }

    public required string WhatWasTried { get; init; }

    public required string NothingTried { get; init; }

    public required string FirstResponseDue { get; init; }

    public required string ResolutionDue { get; init; }

    public required string Overdue { get; init; }

    public required string Met { get; init; }

    /// <summary>The SLA clocks stand still: the ticket is Pending on the customer.</summary>
    public required string SlaPaused { get; init; }

    public required string SlaWarning { get; init; }

    public required string SlaBreached { get; init; }

    public required string Claim { get; init; }

    public required string AssignToMe { get; init; }

    public required string AlreadyTakenBy { get; init; }

    public required string OwnedByYou { get; init; }

    public required string OwnedBy { get; init; }

    public required string WaitingInQueue { get; init; }

    public required string BotAnswers { get; init; }

    public required string NoLiveConversation { get; init; }

    public required string Send { get; init; }

    public required string ComposerPlaceholder { get; init; }

    public required string ClaimToWrite { get; init; }

    public required string CustomerTyping { get; init; }

    public required string CannedAnswers { get; init; }

    public required string Insert { get; init; }

    public required string NoArticles { get; init; }

    public required string KnowledgeBaseUnavailable { get; init; }

    public required string HandBack { get; init; }

    public required string Resolve { get; init; }

    public required string ResolutionNote { get; init; }

    public required string Escalate { get; init; }

    public required string EscalationReason { get; init; }

    public required string ChangeStatus { get; init; }

    public required string ChangePriority { get; init; }

    public required string Apply { get; init; }

    public required string InternalNote { get; init; }

    public required string AddNote { get; init; }

    public required string NotFound { get; init; }

    public required string LevelNotAllowed { get; init; }

    public required string ChangedElsewhere { get; init; }

    public required string BackToQueue { get; init; }

    public required string AuditTrail { get; init; }

    public required string SignedInAs { get; init; }

    public required string Attachments { get; init; }

    /// <summary>Opens a mail's whole text, with the quoted history the conversation leaves out.</summary>
    public required string OriginalMail { get; init; }

    /// <summary>Marks an image that was shown inside the mail rather than attached beside it.</summary>
    public required string InlineImage { get; init; }

    /// <summary>Tooltip of a download link; files are only ever saved, never opened in the console.</summary>
    public required string Download { get; init; }

    public required string Denied { get; init; }

    public required string SignInDisabled { get; init; }

    /// <summary>{0} from, {1} to, {2} the statuses allowed next.</summary>
    public required string TransitionRefused { get; init; }

    public required string Jobs { get; init; }

    public required string Job { get; init; }

    public required string JobDescription { get; init; }

    public required string Schedule { get; init; }

    public required string NextRun { get; init; }

    public required string LastRun { get; init; }

    public required string LastResult { get; init; }

    public required string FailuresInARow { get; init; }

    public required string LastError { get; init; }

    public required string RunNow { get; init; }

    /// <summary>Followed by the job's name after "Run now".</summary>
    public required string JobStarted { get; init; }

    public required string JobGone { get; init; }

    public required string Reload { get; init; }

    /// <summary>Followed by the desk's time zone.</summary>
    public required string TimesIn { get; init; }

    public required string NoJobs { get; init; }

    public required string Never { get; init; }

    public static ConsoleTexts English { get; } = new()
    {
        Language = "en",
        Title = "FirstLine agent console",
        SignIn = "Sign in",
        SignOut = "Sign out",
        Email = "Email",
        Password = "Password",
        SignInFailed = "Email or password is wrong.",
        SignInLocked = "Too many failed attempts. The account is locked for a while.",
        Queue = "Queue",
        Level = "Level",
        LanguageLabel = "Language",
        Status = "Status",
        Priority = "Priority",
        Mine = "Mine only",
        All = "All",
        Number = "Ticket",
        Subject = "Subject",
        Customer = "Customer",
        Assignee = "Assignee",
        Due = "SLA due",
        NoTickets = "No tickets match.",
        NewHandoff = "New handoff",
        EnableNotifications = "Enable notifications",
        Live = "live",
        Offline = "reconnecting …",
        Transcript = "Conversation",
        CustomerRole = "Customer",
        BotRole = "Bot",
        AgentRole = "Agent",
        NoteRole = "Internal note",
        BotSummary = "The bot's summary",
        PriorityRationale = "Why this priority",
        WhatWasTried = "What the bot tried",
        NothingTried = "Nothing recorded.",
        FirstResponseDue = "First response",
        ResolutionDue = "Resolution",
        Overdue = "overdue by",
        Met = "met",
        SlaPaused = "paused (waiting for the customer)",
        SlaWarning = "SLA almost due",
        SlaBreached = "SLA breached",
        Claim = "Claim",
        AssignToMe = "Assign to me",
        AlreadyTakenBy = "Already taken by",
        OwnedByYou = "You own this conversation.",
        OwnedBy = "Owned by",
        WaitingInQueue = "Waiting in the queue for an agent.",
        BotAnswers = "The bot answers this conversation.",
        NoLiveConversation = "No live conversation is handed over for this ticket.",
        Send = "Send",
        ComposerPlaceholder = "Write to the customer …",
        ClaimToWrite = "Claim the ticket to write to the customer.",
        CustomerTyping = "The customer is typing …",
        CannedAnswers = "Canned answers from the knowledge base",
        Insert = "Insert",
        NoArticles = "No matching articles.",
        KnowledgeBaseUnavailable = "The knowledge base is not available.",
        HandBack = "Hand back to the bot",
        Resolve = "Resolve",
        ResolutionNote = "Resolution note",
        Escalate = "Escalate to level 3",
        EscalationReason = "Reason",
        ChangeStatus = "Status",
        ChangePriority = "Priority",
        Apply = "Apply",
        InternalNote = "Internal note (never shown to the customer)",
        AddNote = "Add note",
        NotFound = "There is no such ticket.",
        LevelNotAllowed = "This ticket is at level 3; your level does not allow acting on it.",
        ChangedElsewhere = "Someone else changed the ticket; it was reloaded. Please try again.",
        BackToQueue = "Queue",
        AuditTrail = "Audit trail",
        Attachments = "Files",
        OriginalMail = "Whole mail with quoted history",
        InlineImage = "inline image",
        Download = "Download (saved, never opened here)",
        SignedInAs = "Signed in as",
        Denied = "Your account may not open the agent console.",
        SignInDisabled = "This account is disabled. Please ask an administrator.",
        TransitionRefused = "The status cannot change from {0} to {1}. Allowed next: {2}.",
        Jobs = "Scheduled jobs",
        Job = "Job",
        JobDescription = "What it does",
        Schedule = "Schedule",
        NextRun = "Next run",
        LastRun = "Last run",
        LastResult = "Last result",
        FailuresInARow = "Failures in a row",
        LastError = "Last error",
        RunNow = "Run now",
        JobStarted = "Started:",
        JobGone = "This job is no longer in the scheduler.",
        Reload = "Reload",
        TimesIn = "Times in",
        NoJobs = "No jobs are scheduled.",
        Never = "never",
    };

    public static ConsoleTexts German { get; } = English with
    {
        Language = "de",
        Title = "FirstLine Agenten-Konsole",
        SignIn = "Anmelden",
        SignOut = "Abmelden",
        Email = "E-Mail",
        Password = "Passwort",
        SignInFailed = "E-Mail oder Passwort ist falsch.",
        SignInLocked = "Zu viele Fehlversuche. Das Konto ist vorübergehend gesperrt.",
        Queue = "Queue",
        Level = "Level",
        LanguageLabel = "Sprache",
        Status = "Status",
        Priority = "Priorität",
        Mine = "Nur meine",
        All = "Alle",
        Number = "Ticket",
        Subject = "Betreff",
        Customer = "Kunde",
        Assignee = "Bearbeiter",
        Due = "SLA fällig",
        NoTickets = "Keine passenden Tickets.",
        NewHandoff = "Neue Übergabe",
        EnableNotifications = "Benachrichtigungen aktivieren",
        Live = "live",
        Offline = "verbinde neu …",
        Transcript = "Gespräch",
        CustomerRole = "Kunde",
        BotRole = "Bot",
        AgentRole = "Mitarbeiter",
        NoteRole = "Interne Notiz",
        BotSummary = "Zusammenfassung des Bots",
        PriorityRationale = "Begründung der Priorität",
        WhatWasTried = "Was der Bot versucht hat",
        NothingTried = "Nichts festgehalten.",
        FirstResponseDue = "Erste Antwort",
        ResolutionDue = "Lösung",
        Overdue = "überfällig seit",
        Met = "erfüllt",
        SlaPaused = "angehalten (wartet auf den Kunden)",
        SlaWarning = "SLA läuft bald ab",
        SlaBreached = "SLA verletzt",
        Claim = "Übernehmen",
        AssignToMe = "Mir zuweisen",
        AlreadyTakenBy = "Bereits übernommen von",
        OwnedByYou = "Sie führen dieses Gespräch.",
        OwnedBy = "Geführt von",
        WaitingInQueue = "Wartet in der Queue auf einen Mitarbeiter.",
        BotAnswers = "Der Bot beantwortet dieses Gespräch.",
        NoLiveConversation = "Für dieses Ticket wurde kein Live-Gespräch übergeben.",
        Send = "Senden",
        ComposerPlaceholder = "Nachricht an den Kunden …",
        ClaimToWrite = "Übernehmen Sie das Ticket, um dem Kunden zu schreiben.",
        CustomerTyping = "Der Kunde schreibt …",
        CannedAnswers = "Textbausteine aus der Wissensdatenbank",
        Insert = "Einfügen",
        NoArticles = "Keine passenden Artikel.",
        KnowledgeBaseUnavailable = "Die Wissensdatenbank ist nicht verfügbar.",
        HandBack = "An den Bot zurückgeben",
        Resolve = "Lösen",
        ResolutionNote = "Lösungsnotiz",
        Escalate = "An Level 3 eskalieren",
        EscalationReason = "Grund",
        ChangeStatus = "Status",
        ChangePriority = "Priorität",
        Apply = "Übernehmen",
        InternalNote = "Interne Notiz (nie für den Kunden sichtbar)",
        AddNote = "Notiz hinzufügen",
        NotFound = "Dieses Ticket gibt es nicht.",
        LevelNotAllowed = "Dieses Ticket liegt auf Level 3; Ihr Level erlaubt keine Bearbeitung.",
        ChangedElsewhere = "Jemand anderes hat das Ticket geändert; es wurde neu geladen. Bitte erneut versuchen.",
        BackToQueue = "Queue",
        AuditTrail = "Änderungsprotokoll",
        Attachments = "Dateien",
        OriginalMail = "Ganze E-Mail mit Verlauf",
        InlineImage = "eingebettetes Bild",
        Download = "Herunterladen (wird gespeichert, nie hier geöffnet)",
        SignedInAs = "Angemeldet als",
        Denied = "Ihr Konto darf die Agenten-Konsole nicht öffnen.",
        SignInDisabled = "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an einen Administrator.",
        TransitionRefused = "Der Status kann nicht von {0} zu {1} wechseln. Erlaubt: {2}.",
        Jobs = "Geplante Aufgaben",
        Job = "Aufgabe",
        JobDescription = "Was sie tut",
        Schedule = "Zeitplan",
        NextRun = "Nächster Lauf",
        LastRun = "Letzter Lauf",
        LastResult = "Letztes Ergebnis",
        FailuresInARow = "Fehler in Folge",
        LastError = "Letzter Fehler",
        RunNow = "Jetzt ausführen",
        JobStarted = "Gestartet:",
        JobGone = "Diese Aufgabe gibt es im Zeitplaner nicht mehr.",
        Reload = "Aktualisieren",
        TimesIn = "Zeiten in",
        NoJobs = "Es sind keine Aufgaben geplant.",
        Never = "nie",
    };

    public static ConsoleTexts For(string? language) => language == "de" ? German : English;

    public string StatusName(TicketStatus status) => Language != "de" ? status.ToString() : status switch
    {
        TicketStatus.New => "Neu",
        TicketStatus.Open => "Offen",
        TicketStatus.Pending => "Wartend",
        TicketStatus.Resolved => "Gelöst",
        TicketStatus.Closed => "Geschlossen",
        TicketStatus.Reopened => "Wieder geöffnet",
        _ => status.ToString(),
    };

    public string DescribeRefusedTransition(TicketStatus from, TicketStatus to, IEnumerable<TicketStatus> allowed) =>
        string.Format(CultureInfo.InvariantCulture, TransitionRefused, StatusName(from), StatusName(to), string.Join(", ", allowed.Select(StatusName)));

    public string FormatTime(DateTimeOffset at) =>
        at.ToLocalTime().ToString(Language == "de" ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A file size as people read it: 512 B, 12.3 KB, 4.5 MB (German: 12,3 KB).</summary>
    public string FormatSize(long bytes)
    {
        var culture = CultureInfo.GetCultureInfo(Language == "de" ? "de-DE" : "en-US");
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(culture, $"{bytes / 1024.0:0.#} KB"),
            _ => string.Create(culture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        };
    }

    /// <summary>A moment to the second in <paramref name="zone"/> (the desk's): on the jobs page the seconds matter.</summary>
    public string FormatTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(Language == "de" ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
