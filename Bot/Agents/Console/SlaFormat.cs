using System.Globalization;

namespace FirstLine.Bot.Agents.Console;

/// <summary>How an SLA deadline reads at a glance: the time left, or how long it has been missed.</summary>
public static class SlaFormat
{
    public static string Remaining(DateTimeOffset due, DateTimeOffset now, ConsoleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var left = due - now;
        return left >= TimeSpan.Zero ? Span(left) : $"{texts.Overdue} {Span(-left)}";
    }

    public static bool IsOverdue(DateTimeOffset due, DateTimeOffset now) => due < now;

    /// <summary>Under an hour the seconds matter; beyond a day they do not.</summary>
    public static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:D2}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m {span.Seconds:D2}s"),
    };
}
