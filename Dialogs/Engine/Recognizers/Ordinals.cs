namespace FirstLine.Dialogs.Engine;

/// <summary>Positions in a list as customers write them: "2", "2.", "die zweite", "zweitens", "the second", "2nd", "last".</summary>
internal static class Ordinals
{
    /// <summary>-1 stands for "the last one".</summary>
    public const int Last = -1;

    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["erste"] = 1,
        ["zweite"] = 2,
        ["dritte"] = 3,
        ["vierte"] = 4,
        ["fünfte"] = 5,
        ["sechste"] = 6,
        ["siebte"] = 7,
        ["achte"] = 8,
        ["neunte"] = 9,
        ["zehnte"] = 10,
        ["erstens"] = 1,
        ["zweitens"] = 2,
        ["drittens"] = 3,
        ["viertens"] = 4,
        ["fünftens"] = 5,
        ["eins"] = 1,
        ["zwei"] = 2,
        ["drei"] = 3,
        ["vier"] = 4,
        ["fünf"] = 5,
        ["sechs"] = 6,
        ["sieben"] = 7,
        ["acht"] = 8,
        ["neun"] = 9,
        ["zehn"] = 10,
        ["letzte"] = Last,
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
        ["firstly"] = 1,
        ["secondly"] = 2,
        ["thirdly"] = 3,
        ["1st"] = 1,
        ["2nd"] = 2,
        ["3rd"] = 3,
        ["4th"] = 4,
        ["5th"] = 5,
        ["6th"] = 6,
        ["7th"] = 7,
        ["8th"] = 8,
        ["9th"] = 9,
        ["10th"] = 10,
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
        ["last"] = Last,
    };

    /// <summary>Words around a position that carry no meaning of their own ("die zweite bitte", "option 2", "the second one").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "die", "der", "das", "den", "dem", "nummer", "nr", "nr.", "option", "möglichkeit", "antwort", "punkt", "bitte", "ich", "nehme", "wähle", "möchte", "gerne",
        "the", "one", "number", "no", "option", "choice", "answer", "please", "i", "take", "choose", "pick", "want", "i'll", "id", "i'd", "like",
    };

    /// <summary>The 1-based position (or <see cref="Last"/>) named by the tokens, or null if they say something else.</summary>
    public static int? Find(IReadOnlyList<string> tokens)
    {
        int? position = null;
        foreach (var token in tokens)
        {
            if (Filler.Contains(token))
            {
                continue;
            }

            var found = Parse(token);
            if (found is null || position is not null)
            {
                return null;
            }

            position = found;
        }

        return position;
    }

    private static int? Parse(string token)
    {
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        // German ordinals are inflected: "zweiter", "zweites", "zweiten".
        foreach (var suffix in new[] { "", "r", "s", "n", "m" })
        {
            if (token.EndsWith(suffix, StringComparison.Ordinal) && Words.TryGetValue(token[..^suffix.Length], out var value))
            {
                return value;
            }
        }

        return null;
    }
}
