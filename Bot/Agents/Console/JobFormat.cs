using System.Globalization;
using FirstLine.Bot.Scheduling;

namespace FirstLine.Bot.Agents.Console;

/// <summary>How a scheduled job reads on the jobs page: its schedule in words and how its last run ended.</summary>
public static class JobFormat
{
    /// <summary>E.g. "every 5 minutes", "täglich um 03:15 Uhr (Europe/Berlin)", "on demand".</summary>
    public static string Schedule(JobInfo job, ConsoleTexts texts, TimeZoneInfo deskZone)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(texts);
        var german = texts.Language == "de";
        if (job.Timings.Count == 0)
        {
            return german ? "nur auf Anforderung" : "on demand";
        }

        // A trigger kind FirstLine never creates keeps the scheduler's own words.
        return string.Join("; ", job.Timings.Select(t => Timing(t, texts, deskZone) ?? job.Schedule));
    }

    public static string Outcome(JobOutcome? outcome, ConsoleTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var german = texts.Language == "de";
        return outcome switch
        {
            JobOutcome.Succeeded => german ? "erfolgreich" : "succeeded",
            JobOutcome.Failed => german ? "fehlgeschlagen" : "failed",
            JobOutcome.Cancelled => german ? "abgebrochen" : "cancelled",
            _ => texts.Never,
        };
    }

    private static string? Timing(JobTiming timing, ConsoleTexts texts, TimeZoneInfo deskZone)
    {
        var german = texts.Language == "de";
        return timing switch
        {
            { Every: { } every } => Every(every, german),
            { Cron: { } cron } => Cron(cron, timing.TimeZone ?? "UTC", german),
            { Once: { } once } => $"{(german ? "einmal am" : "once at")} {texts.FormatTime(once, deskZone)}",
            _ => null,
        };
    }

    /// <summary>In the largest unit that divides the interval: "every 90 seconds", "alle 2 Stunden", "jede Minute".</summary>
    private static string Every(TimeSpan interval, bool german)
    {
        (long Count, string One, string Many, string GermanOne, string GermanMany) unit = interval switch
        {
            _ when interval.Ticks % TimeSpan.TicksPerDay == 0 => (interval.Ticks / TimeSpan.TicksPerDay, "day", "days", "täglich", "Tage"),
            _ when interval.Ticks % TimeSpan.TicksPerHour == 0 => (interval.Ticks / TimeSpan.TicksPerHour, "hour", "hours", "stündlich", "Stunden"),
            _ when interval.Ticks % TimeSpan.TicksPerMinute == 0 => (interval.Ticks / TimeSpan.TicksPerMinute, "minute", "minutes", "jede Minute", "Minuten"),
            _ when interval.Ticks % TimeSpan.TicksPerSecond == 0 => (interval.Ticks / TimeSpan.TicksPerSecond, "second", "seconds", "jede Sekunde", "Sekunden"),
            _ => (0, string.Empty, string.Empty, string.Empty, string.Empty),
        };
        return unit switch
        {
            { Count: 0 } => string.Create(CultureInfo.InvariantCulture, $"{(german ? "alle" : "every")} {interval:c}"),
            { Count: 1 } => german ? unit.GermanOne : $"every {unit.One}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{(german ? "alle" : "every")} {unit.Count} {(german ? unit.GermanMany : unit.Many)}"),
        };
    }

    /// <summary>A daily cron ("0 15 3 * * ?") in words; any other expression as it is, with its time zone.</summary>
    private static string Cron(string expression, string zone, bool german)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var everyDay = fields.Length is 6 or 7 && fields[3] is "*" or "?" && fields[4] == "*" && fields[5] is "*" or "?" && (fields.Length == 6 || fields[6] == "*");
        if (!everyDay || !TimeOnly.TryParseExact($"{fields[2]}:{fields[1]}:{fields[0]}", "H:m:s", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return german ? $"Cron {expression} ({zone})" : $"cron {expression} ({zone})";
        }

        var clock = time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
        return german ? $"täglich um {clock} Uhr ({zone})" : $"daily at {clock} ({zone})";
    }
}
