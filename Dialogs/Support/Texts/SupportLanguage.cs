namespace FirstLine.Dialogs.Support.Texts;

/// <summary>The two languages the support conversation speaks.</summary>
public static class SupportLanguage
{
    public const string German = "de";
    public const string English = "en";

    /// <summary><c>de</c> for any German locale (<c>de</c>, <c>de-AT</c> …), <c>en</c> for everything else.</summary>
    public static string Normalize(string? localeOrCode) =>
        localeOrCode is not null
        && (localeOrCode.Equals(German, StringComparison.OrdinalIgnoreCase)
            || localeOrCode.StartsWith("de-", StringComparison.OrdinalIgnoreCase)
            || localeOrCode.StartsWith("de_", StringComparison.OrdinalIgnoreCase))
            ? German
            : English;

    /// <summary>The locale to stamp on replies, so Web Chat and the recognizers agree with the text.</summary>
    public static string Locale(string language) => language == German ? "de-DE" : "en-US";
}
