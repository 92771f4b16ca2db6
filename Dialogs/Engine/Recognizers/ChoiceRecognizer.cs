namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Finds the choice a customer meant: the exact title or a synonym, a position ("2", "die zweite", "the second"),
/// then the best overlap of words. Two equally good candidates mean we do not know, and say so with null.
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>The least overlap score that still counts as a pick.</summary>
    public const double OverlapThreshold = 0.5;

    private const double ExactScore = 1.0;

    /// <summary>Words that say nothing about which choice is meant; they must not dilute the overlap.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "ich", "mein", "meine", "meinen", "mir", "mich", "der", "die", "das", "den", "dem", "ein", "eine", "einen", "ist", "bitte", "habe", "hat", "mit", "und", "es", "bei",
        "i", "my", "me", "the", "a", "an", "is", "it", "please", "have", "has", "with", "and", "of", "to",
    };
    private const double PositionScore = 0.95;

    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, string? locale)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _ = locale; // titles and positions are understood in both languages whatever the locale
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        // Exact titles first: a rating list "1".."5" must pick the title "5", not the fifth entry.
        if (FindExact(normalized, choices) is { } exact)
        {
            return exact;
        }

        var tokens = normalized.Split(' ');
        if (Ordinals.Find(tokens) is { } position)
        {
            var index = position == Ordinals.Last ? choices.Count - 1 : position - 1;
            return index >= 0 && index < choices.Count ? new FoundChoice(choices[index].Value, index, PositionScore) : null;
        }

        var meaningful = tokens.Where(t => !StopWords.Contains(t)).ToArray();
        return meaningful.Length == 0 ? null : FindByOverlap(meaningful, choices);
    }

    private static FoundChoice? FindExact(string normalized, IReadOnlyList<Choice> choices)
    {
        var matches = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (TextNormalizer.Normalize(choice.Value) == normalized || TextNormalizer.Normalize(choice.Action?.Title) == normalized)
            {
                matches.Add(new FoundChoice(choice.Value, i, ExactScore));
            }
            else if (choice.Synonyms?.FirstOrDefault(s => TextNormalizer.Normalize(s) == normalized) is { } synonym)
            {
                matches.Add(new FoundChoice(choice.Value, i, ExactScore, synonym));
            }
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    private static FoundChoice? FindByOverlap(string[] tokens, IReadOnlyList<Choice> choices)
    {
        var best = new List<FoundChoice>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var candidates = new List<(string Text, string? Synonym)> { (choice.Value, null) };
            if (choice.Action?.Title is { } title)
            {
                candidates.Add((title, null));
            }

            candidates.AddRange((choice.Synonyms ?? []).Select(s => (s, (string?)s)));
            var (score, synonym) = candidates
                .Select(c => (Score: Overlap(tokens, TextNormalizer.Tokens(c.Text)), c.Synonym))
                .MaxBy(c => c.Score);
            if (score < OverlapThreshold)
            {
                continue;
            }

            if (best.Count == 0 || score > best[0].Score + 0.0001)
            {
                best = [new FoundChoice(choice.Value, i, score, synonym)];
            }
            else if (Math.Abs(score - best[0].Score) <= 0.0001)
            {
                best.Add(new FoundChoice(choice.Value, i, score, synonym));
            }
        }

        return best.Count == 1 ? best[0] : null;
    }

    /// <summary>
    /// How much of the choice the answer names (most weight), and how much of the answer is about the choice.
    /// Words match when equal or when one is the start of the other ("drucker" / "druckers").
    /// </summary>
    private static double Overlap(string[] answer, string[] choice)
    {
        if (choice.Length == 0)
        {
            return 0;
        }

        var matched = choice.Count(c => answer.Any(a => SameWord(a, c)));
        var relevant = answer.Count(a => choice.Any(c => SameWord(a, c)));
        var recall = (double)matched / choice.Length;
        var precision = (double)relevant / answer.Length;
        return recall * (0.7 + (0.3 * precision));
    }

    private static bool SameWord(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)));
}
