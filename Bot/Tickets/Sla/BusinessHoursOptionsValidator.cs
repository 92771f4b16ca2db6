using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>Checks <c>Agents:BusinessHours</c> at start, with messages that say what to change.</summary>
internal sealed class BusinessHoursOptionsValidator : IValidateOptions<BusinessHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, BusinessHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Agents:BusinessHours:TimeZone '{options.TimeZone}' is not a known time zone; use an IANA name such as 'Europe/Berlin'.");
        }

        if (options.Enabled && options.Opens >= options.Closes)
        {
            failures.Add($"Agents:BusinessHours:Opens ({options.Opens}) must be before Closes ({options.Closes}), e.g. '08:00' and '18:00'.");
        }

        if (options.Days is { } days && days.Any(d => !Enum.IsDefined(d)))
        {
            failures.Add("Agents:BusinessHours:Days must list week days such as 'Monday'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
