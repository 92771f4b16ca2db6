using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>Checks the <c>Agents</c> section at start, with messages that say what to change.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Lockout.MaxFailedAttempts < 1)
        {
            failures.Add("Agents:Lockout:MaxFailedAttempts must be at least 1, e.g. 5.");
        }

        if (options.Lockout.Window <= TimeSpan.Zero || options.Lockout.Duration <= TimeSpan.Zero)
        {
            failures.Add("Agents:Lockout:Window and Agents:Lockout:Duration must be positive, e.g. '00:15:00'.");
        }

        if (options.PresenceTimeout < TimeSpan.FromSeconds(10))
        {
            failures.Add("Agents:PresenceTimeout must be at least 10 seconds, e.g. '00:02:00'.");
        }

        if (options.SessionLifetime < TimeSpan.FromMinutes(5))
        {
            failures.Add("Agents:SessionLifetime must be at least 5 minutes, e.g. '10:00:00'.");
        }

        if (options.MaxNoteBytes < 1024 || options.MaxReplyChars < 100)
        {
            failures.Add("Agents:MaxNoteBytes must be at least 1024 and Agents:MaxReplyChars at least 100.");
        }

        if (options.Replies.RetryInterval <= TimeSpan.Zero || options.Replies.MaxAttempts < 1)
        {
            failures.Add("Agents:Replies:RetryInterval must be positive and Agents:Replies:MaxAttempts at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
