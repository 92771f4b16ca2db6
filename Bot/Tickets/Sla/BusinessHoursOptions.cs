namespace FirstLine.Bot.Tickets.Sla;

/// <summary>
/// The <c>Agents:BusinessHours</c> section: when humans work. Presence uses it (nobody is available outside these
/// hours) and so do the SLA clocks (only working time counts). Disabled, every hour of every day counts.
/// </summary>
public sealed class BusinessHoursOptions
{
    public const string SectionName = "Agents:BusinessHours";

    /// <summary>False (the default of a fresh install): agents are available whenever one is signed in, SLAs count 24/7.</summary>
    public bool Enabled { get; set; }

    /// <summary>IANA time zone of the opening hours and holidays.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public TimeOnly Opens { get; set; } = new(8, 0);

    public TimeOnly Closes { get; set; } = new(18, 0);

    /// <summary>Working days; null means Monday to Friday. (A list, because the binder appends to defaults.)</summary>
    public List<DayOfWeek>? Days { get; set; }

    /// <summary>Dates (in the business time zone) when nobody works.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    public IReadOnlyList<DayOfWeek> EffectiveDays => Days is { Count: > 0 } days
        ? days
        : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
