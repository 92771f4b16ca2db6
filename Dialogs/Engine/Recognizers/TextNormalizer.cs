using System.Globalization;
using System.Text;

namespace FirstLine.Dialogs.Engine;

/// <summary>Makes answers comparable: lower case, punctuation and emoji become spaces, whitespace collapsed.</summary>
internal static class TextNormalizer
{
    /// <summary>An answer to a question is short; anything longer is a new story, and is not worth scanning in full.</summary>
    public const int MaxAnswerLength = 500;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var source = text.Length > MaxAnswerLength ? text[..MaxAnswerLength] : text;
        var builder = new StringBuilder(source.Length);
        var lastWasSpace = true;
        foreach (var c in source.ToLower(CultureInfo.InvariantCulture))
        {
            // Apostrophes stay inside words ("didn't"), everything else that is not a letter or digit separates.
            var keep = char.IsLetterOrDigit(c) || ((c == '\'' || c == '’') && !lastWasSpace);
            if (keep)
            {
                builder.Append(c == '’' ? '\'' : c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().Trim();
    }

    public static string[] Tokens(string? text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
