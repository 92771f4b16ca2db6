using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>Insults and swearing, answered calmly and counted as strong frustration; never a reason to stop helping.</summary>
public static partial class Abuse
{
    public static bool IsAbusive(string text) => Words().IsMatch(text);

    /// <summary>The text without the abusive words, so the search looks for the problem, not the swearing.</summary>
    public static string Strip(string text) => Words().Replace(text, " ");

    /// <summary>True when nothing but abuse (and filler) is left once the abusive words are removed.</summary>
    public static bool IsOnlyAbuse(string text)
    {
        var rest = Words().Replace(text, " ");
        return IsAbusive(text) && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) <= 2;
    }

    [GeneratedRegex(@"\b(schei(ß|ss)\w*|mist\w*|verdammt\w*|idiot\w*|depp\w*|dumm\w*|blöd\w*|trottel\w*|arsch\w*|kacke|dreck\w*|nutzlos\w*|unfähig\w*|fuck\w*|shit\w*|crap\w*|damn\w*|stupid|idiot|moron\w*|useless|bloody|wtf|garbage|rubbish|sucks?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
