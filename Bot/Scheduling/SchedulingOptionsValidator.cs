using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Scheduling;

/// <summary>Checks the <c>Scheduling</c> section at start, naming the key to fix.</summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConcurrency is < 1 or > 64)
        {
            failures.Add($"Scheduling:MaxConcurrency must be between 1 and 64 (got {options.MaxConcurrency}).");
        }

        if (options.MisfireThreshold < TimeSpan.FromSeconds(1) || options.MisfireThreshold > TimeSpan.FromHours(1))
        {
            failures.Add($"Scheduling:MisfireThreshold must be between 00:00:01 and 01:00:00 (got {options.MisfireThreshold}).");
        }

        if (options.ClusterCheckinInterval < TimeSpan.FromSeconds(5) || options.ClusterCheckinInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Scheduling:ClusterCheckinInterval must be between 00:00:05 and 00:05:00 (got {options.ClusterCheckinInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
