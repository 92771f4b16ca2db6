using System.Text;
using System.Text.RegularExpressions;
using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.Bot.Agents.Console;

/// <summary>Turns a knowledge-base article into a reply an agent can send: the title and its numbered steps.</summary>
public static partial class CannedAnswer
{
    public static string FromArticle(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var steps = article.Body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => NumberedStep().IsMatch(l)).ToList();
        var text = new StringBuilder(article.Title).Append("\n\n");
        if (steps.Count > 0)
        {
            text.AppendJoin('\n', steps);
        }
        else
        {
            // No numbered steps: the summary and the first paragraph are what a customer needs to start with.
            text.Append(article.Summary ?? FirstParagraph(article.Body));
        }

        return text.ToString().Trim();
    }

    private static string FirstParagraph(string body) =>
        body.Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => !p.StartsWith('#')) ?? string.Empty;

    [GeneratedRegex(@"^\s*\d+\.\s+\S")]
    private static partial Regex NumberedStep();
}
