using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>Checks <c>Tickets:FollowUps</c> at start, with messages that say what to change.</summary>
internal sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, nameof(options.PendingReminderAfter), options.PendingReminderAfter, TimeSpan.FromHours(1), "3.00:00:00 (3 days)");
        Require(failures, nameof(options.PendingCloseAfterReminder), options.PendingCloseAfterReminder, TimeSpan.FromHours(1), "4.00:00:00 (4 days)");
        Require(failures, nameof(options.ResolvedCloseAfter), options.ResolvedCloseAfter, TimeSpan.FromHours(1), "7.00:00:00 (7 days)");
        Require(failures, nameof(options.BotIdleGoodbyeAfter), options.BotIdleGoodbyeAfter, TimeSpan.FromMinutes(1), "00:30:00 (30 minutes)");
        Require(failures, nameof(options.QueueWaitEmailOfferAfter), options.QueueWaitEmailOfferAfter, TimeSpan.FromMinutes(1), "00:15:00 (15 minutes)");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string key, TimeSpan value, TimeSpan least, string example)
    {
        if (value < least)
        {
            failures.Add($"Tickets:FollowUps:{key} must be at least {least} (days.hours:minutes:seconds), e.g. '{example}'; it is {value}.");
        }
    }
}
