using System.Net;
using System.Text.RegularExpressions;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>Turns what a customer typed into searchable text: markup removed, entities decoded, length checked.</summary>
public static partial class QueryText
{
    /// <exception cref="ArgumentException">the text is empty, only markup, or longer than <paramref name="maxLength"/></exception>
    public static string Clean(string? query, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("The query is empty; pass the customer's words.", nameof(query));
        }

        if (query.Length > maxLength)
        {
            throw new ArgumentException(
                $"The query has {query.Length} characters, more than the {maxLength} allowed (KnowledgeBase:MaxQueryLength); search a summary of the message.",
                nameof(query));
        }

        var text = WebUtility.HtmlDecode(Markup().Replace(query, " "));
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length > 0
            ? text
            : throw new ArgumentException("The query holds only markup and no words.", nameof(query));
    }

    // Script and style blocks carry no words of the customer; other tags are dropped, their text kept.
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
