using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>
/// The desk's calendar in the configured time zone: whether it is open at a moment, when it opens next, and how
/// business time adds up (SLA due times, paused time). With business hours disabled every moment counts.
/// </summary>
public sealed class BusinessHours(IOptions<BusinessHoursOptions> options)
{
    /// <summary>No sensible holiday list closes the desk for ten years; beyond that the configuration is wrong.</summary>
    private const int MaxDaysAhead = 3660;

    private BusinessHoursOptions Hours => options.Value;

    /// <summary>The desk's time zone: the console shows times in it.</summary>
    public TimeZoneInfo TimeZone => Zone();

    public bool IsOpen(DateTimeOffset at)
    {
        if (!Hours.Enabled)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, Zone());
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Hours.Opens && time < Hours.Closes;
    }

    /// <summary>The next moment the desk opens; <paramref name="at"/> itself when it is open now.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
        {
            return at;
        }

        foreach (var (opens, _) in WorkingWindowsFrom(at))
        {
            if (opens > at)
            {
                return opens;
            }
        }

        return at;
    }

    /// <summary>
    /// The moment <paramref name="businessTime"/> of working time after <paramref name="start"/>: a ticket opened
    /// Friday 17:55 with four hours to go is due Monday 11:55 on a desk open 08:00-18:00 Monday to Friday.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (!Hours.Enabled || businessTime <= TimeSpan.Zero)
        {
            return start + (businessTime > TimeSpan.Zero ? businessTime : TimeSpan.Zero);
        }

        var left = businessTime;
        foreach (var (opens, closes) in WorkingWindowsFrom(start))
        {
            var from = opens > start ? opens : start;
            if (from >= closes)
            {
                continue;
            }

            if (left <= closes - from)
            {
                return from + left;
            }

            left -= closes - from;
        }

        throw new BusinessHoursException($"Agents:BusinessHours leaves no working time within {MaxDaysAhead} days after {start:u}; check Days and Holidays.");
    }

    /// <summary>The working time between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (!Hours.Enabled)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (opens, closes) in WorkingWindowsFrom(from))
        {
            if (opens >= to)
            {
                break;
            }

            var start = opens > from ? opens : from;
            var end = closes < to ? closes : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Each working day's opening and closing, as instants, from the local day of <paramref name="at"/> on.</summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> WorkingWindowsFrom(DateTimeOffset at)
    {
        var zone = Zone();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                yield return (Instant(day, Hours.Opens, zone), Instant(day, Hours.Closes, zone));
            }
        }
    }

    private static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private bool IsWorkingDay(DateOnly day) => Hours.EffectiveDays.Contains(day.DayOfWeek) && !Hours.Holidays.Contains(day);

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(Hours.TimeZone);
}

/// <summary>The business-hours configuration cannot answer the question (no working time at all).</summary>
public sealed class BusinessHoursException : Exception
{
    public BusinessHoursException()
    {
    }

    public BusinessHoursException(string message)
        : base(message)
    {
    }

    public BusinessHoursException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
