using System.Globalization;

namespace FirstLine.Bot.Commands;

/// <summary>Command output is read by scripts: numbers with a decimal point whatever the machine's culture.</summary>
internal static class Invariant
{
    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
