using System.Text;

namespace FirstLine.Channels.Email;

/// <summary>Makes text safe for a header: one line, no control characters, bounded length.</summary>
public static class HeaderText
{
    public const int MaxLength = 500;

    public static string SingleLine(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
