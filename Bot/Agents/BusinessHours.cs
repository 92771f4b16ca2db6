using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>Whether the desk is open at a moment, and when it opens next, in the configured time zone.</summary>
public sealed class BusinessHours(IOptions<AgentOptions> options)
{
    private BusinessHoursOptions Hours => options.Value.BusinessHours;

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

        var zone = Zone();
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = DateOnly.FromDateTime(local.DateTime);

        // A year ahead is more than any sensible holiday list needs.
        for (var i = 0; i < 370; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var opening = day.ToDateTime(Hours.Opens);
            var openingAt = new DateTimeOffset(opening, zone.GetUtcOffset(opening));
            if (openingAt > at)
            {
                return openingAt;
            }
        }

        return at;
    }

    private bool IsWorkingDay(DateOnly day) => Hours.EffectiveDays.Contains(day.DayOfWeek) && !Hours.Holidays.Contains(day);

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(Hours.TimeZone);
}
