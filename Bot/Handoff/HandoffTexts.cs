using FirstLine.Bot.Conversations;

namespace FirstLine.Bot.Handoff;

/// <summary>What the customer is told when a human joins or leaves, in their language.</summary>
internal static class HandoffTexts
{
    public static string AgentJoined(string? locale, string agentName) => BotLanguage.IsGerman(locale)
        ? $"{agentName} aus unserem Support-Team ist jetzt für Sie da."
        : $"{agentName} from our support team has joined and is here for you.";

    public static string AgentLeft(string? locale, string agentName) => BotLanguage.IsGerman(locale)
        ? $"{agentName} hat das Gespräch verlassen. Ich bin wieder für Sie da."
        : $"{agentName} has left the conversation. I am here for you again.";

    public static string Resolved(string? locale, string ticketNumber) => BotLanguage.IsGerman(locale)
        ? $"Ihr Ticket {ticketNumber} ist gelöst. Wenn noch etwas ist, schreiben Sie einfach hier."
        : $"Your ticket {ticketNumber} is resolved. If anything else comes up, just write here.";

    public static string EscalatedToThirdLevel(string? locale, string ticketNumber) => BotLanguage.IsGerman(locale)
        ? $"Ihr Ticket {ticketNumber} wurde an unsere Spezialisten weitergegeben. Wir melden uns bei Ihnen."
        : $"Your ticket {ticketNumber} has been passed to our specialists. We will get back to you.";
}
