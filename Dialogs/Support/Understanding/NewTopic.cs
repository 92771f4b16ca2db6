using System.Text.RegularExpressions;

namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>"Ach egal, …", "vergessen Sie das, …", "forget that, actually …": the customer leaves the topic for another.</summary>
public static partial class NewTopic
{
    /// <summary>True when the text opens with such words; <paramref name="problem"/> is the rest (or the whole text).</summary>
    public static bool TryStrip(string text, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Opening().Match(text);
        problem = match.Success && match.Length < text.Length ? text[match.Length..].Trim() : text;
        return match.Success && problem.Length > 0 && problem != text;
    }

    [GeneratedRegex(@"^\W*((ach |ist doch )?egal|vergessen sie (das|es)|vergiss (das|es)|anderes thema|etwas anderes|was anderes|forget (it|that|about it)|never ?mind|different (topic|question)|something else)\W*((eigentlich|actually|also|anyway|ich habe ein anderes problem|i have another problem)\W*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}
