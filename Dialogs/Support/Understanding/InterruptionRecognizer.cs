using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>
/// Recognises the commands that work anywhere, in German and English. Short messages only: "Ich habe
/// den Mitarbeiter-Account gesperrt" is a problem description, not a request for a human.
/// </summary>
public static partial class InterruptionRecognizer
{
    // Longer messages are descriptions; a command is a few words at most.
    private const int MaxCommandWords = 7;

    // "Ich möchte bitte mit einem echten Menschen sprechen" is longer, but its own vocabulary check keeps it safe.
    private const int MaxHumanRequestWords = 12;

    public static Interruption Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0 || words > MaxHumanRequestWords)
        {
            return Interruption.None;
        }

        if (words > MaxCommandWords)
        {
            return AsksForHuman(text) ? Interruption.Human : Interruption.None;
        }

        if (StartOver().IsMatch(text))
        {
            return Interruption.StartOver;
        }

        if (Cancel().IsMatch(text))
        {
            return Interruption.Cancel;
        }

        if (AsksForHuman(text))
        {
            return Interruption.Human;
        }

        if (Help().IsMatch(text))
        {
            return Interruption.Help;
        }

        if (German().IsMatch(text))
        {
            return Interruption.SwitchToGerman;
        }

        return English().IsMatch(text) ? Interruption.SwitchToEnglish : Interruption.None;
    }

    [GeneratedRegex(@"\b(von vorn[e]?|neu anfangen|nochmal von vorn|neustart des gesprächs|start over|start again|restart( the)? (chat|conversation)|begin again|reset (the )?(chat|conversation))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartOver();

    [GeneratedRegex(@"^\W*(bitte\s+)?(abbrechen|abbruch|stopp?|beenden|vergessen sie es|cancel|quit|exit|never ?mind|forget it)(\s+bitte|\s+please)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cancel();

    /// <summary>
    /// A human keyword and otherwise only words of asking ("ich möchte mit einem Menschen sprechen"), so that
    /// "neuer Mitarbeiter braucht einen Laptop" stays a request about onboarding.
    /// </summary>
    private static bool AsksForHuman(string text)
    {
        var words = WordSplit().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        return words.Any(HumanWords.Contains) && words.All(w => HumanWords.Contains(w) || AskingWords.Contains(w));
    }

    private static readonly HashSet<string> HumanWords = new(StringComparer.Ordinal)
    {
        "mitarbeiter", "mitarbeiterin", "mensch", "menschen", "menschlichen", "person", "techniker", "technikerin",
        "kollegen", "kollegin", "supporter", "agent", "human", "operator", "representative", "someone", "somebody",
        "support", "servicedesk", "helpdesk", "hotline",
    };

    private static readonly HashSet<string> AskingWords = new(StringComparer.Ordinal)
    {
        "ich", "will", "möchte", "moechte", "würde", "wuerde", "gern", "gerne", "bitte", "mit", "einem", "einen", "ein", "einer",
        "echten", "echter", "echte", "richtigen", "richtiger", "lebenden", "sprechen", "reden", "chatten", "kann", "könnte",
        "können", "wir", "zu", "zum", "dem", "den", "der", "die", "verbinden", "sie", "mich", "mir", "jetzt", "sofort",
        "holen", "geben", "hätte", "haette", "brauche", "lieber", "einfach", "nur", "doch", "endlich", "vom",
        "i", "want", "wanna", "need", "would", "like", "to", "talk", "speak", "chat", "a", "an", "the", "please", "can", "could",
        "with", "get", "me", "let", "connect", "real", "live", "actual", "now", "just", "give", "transfer", "rather", "from",
        "pls", "plz", "ok", "okay", "you",
    };

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"^\W*(hilfe|help|was kannst du|was können sie|what can you do)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Help();

    [GeneratedRegex(@"^\W*((bitte\s+)?(auf\s+)?deutsch(\s+bitte)?|german(,)?( please)?|in german( please)?|können wir deutsch (sprechen|schreiben)|sprechen sie deutsch)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex German();

    [GeneratedRegex(@"^\W*((in\s+)?english(,)?( please)?|(bitte\s+)?(auf\s+)?englisch(\s+bitte)?|can we (speak|talk|write) english|do you speak english|english speaker)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();
}
