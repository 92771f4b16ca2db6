namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Understands yes and no the way customers write them, in German and English (people mix both whatever their
/// browser says): "jo", "passt", "nicht wirklich", "nope", "leider nicht", 👍/👎 …
/// </summary>
public static class YesNoRecognizer
{
    private static readonly HashSet<string> YesPhrases = new(StringComparer.Ordinal)
    {
        "ja", "jo", "joa", "jep", "jup", "japp", "jawohl", "jaja", "ja klar", "ja genau", "ja bitte", "ja gerne", "ja danke",
        "passt", "passt so", "klar", "genau", "sicher", "gerne", "gern", "ok", "okay", "oki", "richtig", "stimmt", "korrekt",
        "natürlich", "selbstverständlich", "auf jeden fall", "sehr gerne", "hat geholfen", "hat funktioniert", "funktioniert",
        "es geht wieder", "geht wieder", "läuft wieder", "super", "prima", "perfekt", "danke", "kein problem", "einverstanden",
        "yes", "y", "yep", "yeah", "yup", "ya", "sure", "of course", "correct", "right", "absolutely", "definitely",
        "yes please", "it worked", "that worked", "worked", "that helped", "it helped", "helped", "great", "perfect",
        "sounds good", "fine", "alright", "all right", "no problem", "agreed",
    };

    private static readonly HashSet<string> NoPhrases = new(StringComparer.Ordinal)
    {
        "nein", "nö", "noe", "ne", "nee", "nä", "nope", "nicht wirklich", "leider nicht", "leider nein", "nein danke", "eher nicht",
        "gar nicht", "überhaupt nicht", "auf keinen fall", "keinesfalls", "nicht so", "nicht ganz", "hat nicht geholfen",
        "hat nicht funktioniert", "funktioniert nicht", "funktioniert immer noch nicht", "geht nicht", "geht immer noch nicht",
        "immer noch nicht", "noch nicht", "nicht",
        "no", "n", "nah", "nay", "not really", "no thanks", "no thank you", "not at all", "nope not really", "sadly not",
        "unfortunately not", "didn't help", "did not help", "it didn't work", "didn't work", "did not work", "doesn't work",
        "still not working", "still doesn't work", "not yet", "never", "negative",
    };

    /// <summary>Words after which the rest of the sentence turns an apparent yes into a no ("ja, aber es geht nicht").</summary>
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "nicht", "kein", "keine", "nie", "not", "didn't", "doesn't", "don't", "isn't", "wasn't", "won't", "never", "no",
    };

    private static readonly string[] YesEmoji = ["👍", "✅", "✔", "👌", "🙂", "😊", "😀", "🆗"];
    private static readonly string[] NoEmoji = ["👎", "❌", "✖", "🙁", "☹", "😞", "🚫"];

    /// <summary>True for yes, false for no, null when the text says neither (or both).</summary>
    public static bool? Recognize(string? text, string? locale)
    {
        _ = locale; // both languages are understood whatever the locale; kept for symmetry with the other recognisers
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return FromEmoji(text);
        }

        if (YesPhrases.Contains(normalized))
        {
            return true;
        }

        if (NoPhrases.Contains(normalized))
        {
            return false;
        }

        var tokens = normalized.Split(' ');
        if (ContainsPhrase(normalized, NoPhrases.Where(p => p.Contains(' ', StringComparison.Ordinal))))
        {
            return false;
        }

        var first = tokens[0];
        if (NoPhrases.Contains(first))
        {
            return false;
        }

        if (YesPhrases.Contains(first))
        {
            return tokens.Skip(1).Any(Negations.Contains) ? null : true;
        }

        return FromEmoji(text);
    }

    private static bool? FromEmoji(string text)
    {
        var yes = YesEmoji.Any(e => text.Contains(e, StringComparison.Ordinal));
        var no = NoEmoji.Any(e => text.Contains(e, StringComparison.Ordinal));
        return yes == no ? null : yes;
    }

    private static bool ContainsPhrase(string normalized, IEnumerable<string> phrases)
    {
        var padded = $" {normalized} ";
        return phrases.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal));
    }
}
