using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>
/// A customer's message made safe to read: markup removed (it could reach an agent's screen), whitespace
/// tidied, cut to a length the analysers accept. Says whether anything worth reading is left.
/// </summary>
public sealed partial record CustomerMessage(string Text, bool WasTruncated)
{
    /// <summary>True when nothing is left (empty, whitespace, only markup).</summary>
    public bool IsEmpty => Text.Length == 0;

    /// <summary>True when there are characters but no letters or digits (emoji, punctuation).</summary>
    public bool HasNoWords => !IsEmpty && !Text.Any(char.IsLetterOrDigit);

    public int WordCount => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));

    public static CustomerMessage From(string? raw, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new CustomerMessage(string.Empty, false);
        }

        // Script and style bodies are code, not words; other tags are dropped and their text kept.
        var text = ScriptOrStyle().Replace(raw, " ");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = Whitespace().Replace(text, " ").Trim();
        var truncated = text.Length > maxLength;
        if (truncated)
        {
            text = CutAtWord(text, maxLength);
        }

        return new CustomerMessage(text, truncated);
    }

    /// <summary>Lower case and without accents' variants that customers type inconsistently, for keyword matching.</summary>
    public string Normalized => Text.ToLower(CultureInfo.InvariantCulture);

    private static string CutAtWord(string text, int maxLength)
    {
        var cut = text.LastIndexOf(' ', maxLength - 1);
        return (cut > maxLength / 2 ? text[..cut] : text[..maxLength]).TrimEnd();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
