using System.Globalization;
using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Finds the number in an answer: digits in the customer's notation ("2,5" in German, "2.5" in English, "1.000" /
/// "1,000"), else a number word ("zwei", "zwölf", "three").
/// </summary>
public static partial class NumberRecognizer
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["null"] = 0,
        ["eins"] = 1,
        ["ein"] = 1,
        ["eine"] = 1,
        ["einen"] = 1,
        ["einer"] = 1,
        ["zwei"] = 2,
        ["drei"] = 3,
        ["vier"] = 4,
        ["fünf"] = 5,
        ["sechs"] = 6,
        ["sieben"] = 7,
        ["acht"] = 8,
        ["neun"] = 9,
        ["zehn"] = 10,
        ["elf"] = 11,
        ["zwölf"] = 12,
        ["zwanzig"] = 20,
        ["dreißig"] = 30,
        ["fünfzig"] = 50,
        ["hundert"] = 100,
        ["tausend"] = 1000,
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["fifty"] = 50,
        ["hundred"] = 100,
        ["thousand"] = 1000,
    };

    public static decimal? Recognize(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sample = text.Length > TextNormalizer.MaxAnswerLength ? text[..TextNormalizer.MaxAnswerLength] : text;
        var german = EngineTexts.IsGerman(locale);
        foreach (Match match in NumberPattern().Matches(sample))
        {
            if (ParseDigits(match.Value, german) is { } value)
            {
                return value;
            }
        }

        foreach (var token in TextNormalizer.Tokens(sample))
        {
            if (Words.TryGetValue(token, out var word))
            {
                return word;
            }
        }

        return null;
    }

    private static decimal? ParseDigits(string token, bool german)
    {
        var separators = token.Count(c => c is '.' or ',');
        if (separators == 1)
        {
            // One separator followed by exactly three digits is a thousands separator in the customer's notation;
            // otherwise people mean a decimal point, whichever character they used ("2.5" from a German keyboard too).
            var at = token.IndexOfAny(['.', ',']);
            var isThousands = token.Length - at - 1 == 3 && token[at] == (german ? '.' : ',');
            token = isThousands ? token.Remove(at, 1) : token.Remove(at, 1).Insert(at, ".");
            return decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var single) ? single : null;
        }

        var culture = german ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.GetCultureInfo("en-US");
        return decimal.TryParse(token, NumberStyles.Number, culture, out var value) ? value : null;
    }

    [GeneratedRegex(@"[-+]?\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberPattern();
}
