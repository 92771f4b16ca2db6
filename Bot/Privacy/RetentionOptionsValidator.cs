using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Privacy;

/// <summary>Checks the <c>Retention</c> section at start, with messages that say what to change.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    /// <summary>A hundred years: more is a typo.</summary>
    private const int MaxDays = 36500;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, days) in new[] { ("AttachmentDays", options.AttachmentDays), ("ConversationDays", options.ConversationDays), ("TicketDays", options.TicketDays) })
        {
            if (days is < 1 or > MaxDays)
            {
                failures.Add($"Retention:{key} must be between 1 and {MaxDays} days, not {days}. To keep everything, set Retention:Enabled to false.");
            }
        }

        // A ticket's conversation goes with it and an upload with its conversation, so a longer period would never apply.
        if (options.AttachmentDays > options.ConversationDays)
        {
            failures.Add($"Retention:AttachmentDays ({options.AttachmentDays}) must not be longer than Retention:ConversationDays ({options.ConversationDays}): uploads are deleted with their conversation.");
        }

        if (options.ConversationDays > options.TicketDays)
        {
            failures.Add($"Retention:ConversationDays ({options.ConversationDays}) must not be longer than Retention:TicketDays ({options.TicketDays}): a ticket's conversation is deleted when the ticket is anonymised.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
