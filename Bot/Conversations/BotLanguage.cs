namespace FirstLine.Bot.Conversations;

/// <summary>Which of our languages a locale means: German for any <c>de</c> locale, English otherwise.</summary>
public static class BotLanguage
{
    public static bool IsGerman(string? locale) =>
        locale is not null && (locale.Equals("de", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("de-", StringComparison.OrdinalIgnoreCase));
}
