using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FirstLine.Bot.Scaling;

/// <summary>Checks the <c>Scaling</c> section at start, with messages that say what to change.</summary>
internal sealed class ScalingOptionsValidator : IValidateOptions<ScalingOptions>
{
    public ValidateOptionsResult Validate(string? name, ScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled)
        {
            try
            {
                if (ConfigurationOptions.Parse(options.Redis!).EndPoints.Count == 0)
                {
                    failures.Add("Scaling:Redis names no server; use e.g. 'redis.internal:6379' or 'redis.internal:6379,password=…'.");
                }
            }
            catch (ArgumentException exception)
            {
                failures.Add($"Scaling:Redis is not a valid Redis connection string ({exception.Message}); use e.g. 'redis.internal:6379,password=…'.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Contains(' ', StringComparison.Ordinal))
        {
            failures.Add("Scaling:KeyPrefix must be a word without spaces, e.g. 'firstline'.");
        }

        if (options.TurnLockLease < TimeSpan.FromSeconds(5) || options.TurnLockLease > TimeSpan.FromMinutes(10))
        {
            failures.Add("Scaling:TurnLockLease must be between 5 seconds and 10 minutes, e.g. '00:00:30'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
