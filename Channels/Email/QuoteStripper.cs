using System.Text.RegularExpressions;

namespace FirstLine.Channels.Email;

/// <summary>
/// Keeps only what the customer newly wrote: cuts at the quoted history German and English clients add
/// ("Am … schrieb …:", "On … wrote:", Outlook's "Von:/Gesendet:" and "From:/Sent:" blocks, "-----Original Message-----",
/// "-----Ursprüngliche Nachricht-----"), at the signature delimiter "-- ", and drops "&gt; " quoted lines.
/// </summary>
public static partial class QuoteStripper
{
    private const int HeaderBlockLines = 5;

    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (StartsHistory(lines, i))
            {
                break;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim('\n', ' ', '\t');
    }

    private static bool StartsHistory(string[] lines, int index)
    {
        var line = lines[index].Trim();
        if (line is "--" || lines[index].TrimEnd('\r') == "-- " || OriginalMessageMarker().IsMatch(line))
        {
            return true;
        }

        var next = index + 1 < lines.Length ? lines[index + 1].Trim() : string.Empty;
        if (OnWrote().IsMatch(line) || (line.StartsWith("On ", StringComparison.Ordinal) && OnWrote().IsMatch($"{line} {next}")))
        {
            return true;
        }

        if (AmSchrieb().IsMatch(line) || (line.StartsWith("Am ", StringComparison.Ordinal) && AmSchrieb().IsMatch($"{line} {next}")))
        {
            return true;
        }

        // Outlook: an optional underscore line, then "From:" … "Sent:" (or "Von:" … "Gesendet:") within a few lines.
        var start = UnderscoreLine().IsMatch(line) ? index + 1 : index;
        if (start < lines.Length && OutlookFrom().IsMatch(lines[start].Trim()))
        {
            for (var j = start + 1; j < Math.Min(lines.Length, start + HeaderBlockLines); j++)
            {
                if (OutlookSent().IsMatch(lines[j].Trim()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessageMarker();

    [GeneratedRegex(@"^On\s.+\swrote:$", RegexOptions.CultureInvariant)]
    private static partial Regex OnWrote();

    [GeneratedRegex(@"^Am\s.+\sschrieb\s?.*:$", RegexOptions.CultureInvariant)]
    private static partial Regex AmSchrieb();

    [GeneratedRegex(@"^_{10,}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnderscoreLine();

    [GeneratedRegex(@"^\*?(From|Von):\*?\s", RegexOptions.CultureInvariant)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(Sent|Gesendet|Date|Datum):\*?\s", RegexOptions.CultureInvariant)]
    private static partial Regex OutlookSent();
}
