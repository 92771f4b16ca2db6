using FirstLine.Bot.Conversations;

namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>What the desk tells a quiet customer, in their language (simple German with Sie, or English).</summary>
internal static class FollowUpTexts
{
    public static string PendingReminder(string? locale, string ticketNumber) => BotLanguage.IsGerman(locale)
        ? $"Wir warten noch auf Ihre Antwort zu Ticket {ticketNumber}. Bitte schreiben Sie uns, damit wir Ihnen weiterhelfen können. Ohne Antwort schließen wir das Ticket in einigen Tagen."
        : $"We are still waiting for your answer on ticket {ticketNumber}. Please write to us so we can help you further. Without an answer we will close the ticket in a few days.";

    public static string PendingClosed(string? locale, string ticketNumber) => BotLanguage.IsGerman(locale)
        ? $"Da wir nichts mehr von Ihnen gehört haben, haben wir Ticket {ticketNumber} geschlossen. Wenn Sie noch Hilfe brauchen, schreiben Sie uns einfach."
        : $"As we have not heard back from you, we have closed ticket {ticketNumber}. If you still need help, just write to us.";

    public static string Goodbye(string? locale) => BotLanguage.IsGerman(locale)
        ? "Ich habe eine Weile nichts von Ihnen gehört und beende unser Gespräch deshalb. Vielen Dank und auf Wiedersehen! Wenn Sie wieder Hilfe brauchen, schreiben Sie einfach hier."
        : "I have not heard from you for a while, so I am ending our conversation. Thank you and goodbye! If you need help again, just write here.";

    public static string EmailOffer(string? locale, string ticketNumber, string? email) => (BotLanguage.IsGerman(locale), email) switch
    {
        (true, { Length: > 0 }) => $"Leider ist gerade niemand aus unserem Team frei. Ihr Ticket {ticketNumber} bleibt offen: Wir antworten Ihnen per E-Mail an {email}. Sie können dieses Fenster schließen.",
        (true, _) => $"Leider ist gerade niemand aus unserem Team frei. Ihr Ticket {ticketNumber} bleibt offen. Möchten Sie die Antwort per E-Mail? Dann schreiben Sie hier Ihre E-Mail-Adresse, danach können Sie dieses Fenster schließen.",
        (false, { Length: > 0 }) => $"Sorry, nobody from our team is free right now. Your ticket {ticketNumber} stays open: we will answer you by email at {email}. You can close this window.",
        _ => $"Sorry, nobody from our team is free right now. Your ticket {ticketNumber} stays open. Would you like the answer by email? Then write your email address here; after that you can close this window.",
    };
}
