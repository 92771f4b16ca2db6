using System.Numerics;
using System.Text.RegularExpressions;

namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>
/// Finds personal data with patterns and checksums: e-mail addresses, phone numbers (German and
/// international), IBANs (mod 97), card numbers (Luhn), IPv4 addresses, passwords and PINs stated in the
/// text, and names introduced as names ("mein Name ist …", "my name is …", a signature after a greeting).
/// </summary>
public static partial class PiiRecognizer
{
    // Words that follow "password is" but describe the password rather than being it.
    private static readonly HashSet<string> NotSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        "abgelaufen", "falsch", "gesperrt", "vergessen", "ungültig", "korrekt", "richtig", "nicht", "zu", "noch", "immer", "weg",
        "expired", "wrong", "locked", "forgotten", "invalid", "incorrect", "correct", "not", "too", "still", "the", "my", "mein", "das",
        "gone", "blocked", "required", "changed", "geändert", "neu", "new",
    };

    public static IReadOnlyList<PiiEntity> Recognize(string text)
    {
        var found = new List<PiiEntity>();
        Add(found, Emails().Matches(text), "Email", 0.95);
        Add(found, Ibans().Matches(text), "InternationalBankingAccountNumber", 0.95, IsValidIban);
        // Digit groups inside an IBAN-shaped token with a wrong checksum are a mistyped account, not a card or phone.
        var ibanShaped = Ibans().Matches(text);
        bool InsideIbanShape(string digits) => ibanShaped.Any(i => text.IndexOf(digits, i.Index, i.Length, StringComparison.Ordinal) >= 0);
        Add(found, CardNumbers().Matches(text), "CreditCardNumber", 0.9, card => IsLuhnValid(card) && !InsideIbanShape(card));
        Add(found, Ipv4().Matches(text), "IPAddress", 0.8);
        Add(found, Phones().Matches(text), "PhoneNumber", 0.8, phone => IsPlausiblePhone(phone) && !InsideIbanShape(phone));
        foreach (Match m in Secrets().Matches(text))
        {
            var secret = m.Groups["secret"];
            var value = secret.Value.TrimEnd('.', '!', '?', ')', '"', '\'');
            if (value.Length > 0 && !NotSecrets.Contains(value))
            {
                found.Add(new PiiEntity("Password", value, secret.Index, value.Length, 0.9));
            }
        }

        foreach (var pattern in new[] { NameIntroductions(), Signatures() })
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = m.Groups["name"];
                found.Add(new PiiEntity("Person", name.Value, name.Index, name.Length, 0.6));
            }
        }

        return WithoutOverlaps(found);
    }

    /// <summary>ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 must be 1.</summary>
    public static bool IsValidIban(string candidate)
    {
        var iban = candidate.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (iban.Length is < 15 or > 34)
        {
            return false;
        }

        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    public static bool IsLuhnValid(string candidate)
    {
        var digits = candidate.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    private static bool IsPlausiblePhone(string candidate) => candidate.Count(char.IsDigit) is >= 7 and <= 15;

    private static void Add(List<PiiEntity> found, MatchCollection matches, string category, double confidence, Func<string, bool>? valid = null) =>
        found.AddRange(matches
            .Where(m => valid?.Invoke(m.Value) ?? true)
            .Select(m => new PiiEntity(category, m.Value, m.Index, m.Length, confidence)));

    // Earlier patterns are more specific (an IBAN also looks like a phone number), so the first found wins.
    private static List<PiiEntity> WithoutOverlaps(List<PiiEntity> found)
    {
        var kept = new List<PiiEntity>();
        foreach (var entity in found)
        {
            if (!kept.Exists(k => entity.Offset < k.Offset + k.Length && k.Offset < entity.Offset + entity.Length))
            {
                kept.Add(entity);
            }
        }

        return [.. kept.OrderBy(e => e.Offset)];
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Emails();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")]
    private static partial Regex Ibans();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex CardNumbers();

    [GeneratedRegex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"(?:\+\d{1,3}[ /-]?|\b0)(?:\(0\)[ ]?)?\(?\d{2,5}\)?(?:[ /-]?\d{2,}){1,4}\b")]
    private static partial Regex Phones();

    [GeneratedRegex(@"\b(?:passwort|kennwort|password|passwd|pin|pw|zugangscode|passcode)\b(?:\s*[:=]\s*|\s+(?:ist|lautet|is|was|war)\s*[:=]?\s*)(?<secret>[^\s,;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    // The lead-in ignores case; the name itself must be capitalised.
    [GeneratedRegex(@"(?i:mein name ist|ich heiße|ich heisse|my name is|hier spricht)\s+(?<name>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})")]
    private static partial Regex NameIntroductions();

    [GeneratedRegex(@"(?i:mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|best regards|kind regards|regards|sincerely|cheers|thanks|danke)[,!.]?\s*\r?\n\s*(?<name>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})")]
    private static partial Regex Signatures();
}
