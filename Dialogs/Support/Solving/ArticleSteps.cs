using System.Text.RegularExpressions;
using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.Dialogs.Support.Solving;

/// <summary>
/// The part of an article a customer needs in a chat: its numbered steps ("## So geht's" / "## How to fix it"),
/// without the background and the "if this does not help" section, which the bot handles itself.
/// </summary>
internal static partial class ArticleSteps
{
    private const int MaxSteps = 8;

    public static string Render(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var steps = NumberedLine().Matches(FirstSection(article.Body)).Select(m => m.Value.Trim()).Take(MaxSteps).ToList();
        if (steps.Count == 0)
        {
            // An article without a numbered list is shown up to its first "if this does not help" section.
            return FirstSection(article.Body).Trim();
        }

        var intro = article.Summary is { Length: > 0 } summary ? $"{summary}\n\n" : string.Empty;
        return intro + string.Join('\n', steps);
    }

    /// <summary>The body up to the second level-2 heading: intro and the steps.</summary>
    private static string FirstSection(string body)
    {
        var headings = Heading().Matches(body);
        return headings.Count >= 2 ? body[..headings[1].Index] : body;
    }

    [GeneratedRegex(@"^\d+\.\s+.+$", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"^##\s", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
