using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>Checks <c>Tickets:SlaWatch</c> at start, with messages that say what to change.</summary>
internal sealed class SlaWatchOptionsValidator : IValidateOptions<SlaWatchOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WarningThreshold is <= 0 or >= 1 || double.IsNaN(options.WarningThreshold))
        {
            failures.Add($"Tickets:SlaWatch:WarningThreshold must be between 0 and 1 (a share of the target), e.g. 0.8 for 80 %; it is {options.WarningThreshold}.");
        }

        if (!Enum.IsDefined(options.OnBreach))
        {
            failures.Add("Tickets:SlaWatch:OnBreach must be RaiseLevel, Requeue or NotifyOnly.");
        }

        if (!string.IsNullOrWhiteSpace(options.SupervisorEmail) && !MailAddress.TryCreate(options.SupervisorEmail, out _))
        {
            failures.Add($"Tickets:SlaWatch:SupervisorEmail '{options.SupervisorEmail}' is not an email address; use e.g. 'lead@example.com' or leave it empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
