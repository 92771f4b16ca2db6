using System.Net.Mail;
using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Engine;

/// <summary>Finds an email address in an answer ("Meine Adresse ist max@firma.de, danke").</summary>
public static partial class EmailRecognizer
{
    public static string? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sample = text.Length > TextNormalizer.MaxAnswerLength ? text[..TextNormalizer.MaxAnswerLength] : text;
        foreach (Match match in AddressPattern().Matches(sample))
        {
            var candidate = match.Value.TrimEnd('.');
            if (MailAddress.TryCreate(candidate, out var address) && address.Address == candidate && !candidate.Contains("..", StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AddressPattern();
}
