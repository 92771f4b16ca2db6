using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>
/// "Zurück", "ich meinte ja", "sorry, I meant no": the customer takes back their last answer in a guided flow.
/// What follows the correction word, if anything, is the new answer.
/// </summary>
public static partial class Correction
{
    public static bool TryParse(string? text, out string? newAnswer)
    {
        newAnswer = null;
        var match = Pattern().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var rest = match.Groups["rest"].Value.Trim(' ', ',', '.', '!', ':', '-');
        newAnswer = rest.Length > 0 ? rest : null;
        return true;
    }

    [GeneratedRegex(@"^\W*(sorry|entschuldigung|oops|ups|oh)?\W*(zurück|zurueck|korrektur|korrigieren|ich meinte|meinte|ich wollte sagen|falsch geklickt|back|go back|undo|i meant|meant|wrong answer|wrong button)\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
