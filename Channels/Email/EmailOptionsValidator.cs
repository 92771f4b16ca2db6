using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>Checks the <c>Email</c> section at start-up and names every mistake with its configuration key.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxMessageBytes <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Email:MaxMessageBytes must be positive (got {options.MaxMessageBytes})."));
        }

        CheckAttachments(failures, options.Attachments);

        if (options.ChatAbsentAfter < TimeSpan.Zero || options.ChatAbsentAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"Email:ChatAbsentAfter must be between 00:00:00 and 1.00:00:00 (got {options.ChatAbsentAfter}).");
        }

        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var mailbox = options.Mailboxes[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"Email:Mailboxes:{i}");
            if (string.IsNullOrWhiteSpace(mailbox.Address) || !MailboxAddress.TryParse(mailbox.Address, out var parsed) || parsed.Address != mailbox.Address.Trim())
            {
                failures.Add($"{key}:Address must be a plain email address such as support@example.com (got '{mailbox.Address}').");
            }
            else if (!addresses.Add(mailbox.Address.Trim()))
            {
                failures.Add($"{key}:Address '{mailbox.Address}' is configured twice.");
            }

            if (mailbox.DisplayName?.IndexOfAny(['\r', '\n']) >= 0)
            {
                failures.Add($"{key}:DisplayName must be a single line.");
            }

            CheckServer(failures, $"{key}:Imap", mailbox.Imap);
            CheckServer(failures, $"{key}:Smtp", mailbox.Smtp);
            if (string.IsNullOrWhiteSpace(mailbox.Folders.Inbox) || string.IsNullOrWhiteSpace(mailbox.Folders.Processed) || string.IsNullOrWhiteSpace(mailbox.Folders.Failed))
            {
                failures.Add($"{key}:Folders:Inbox, Processed and Failed must all name a folder.");
            }
            else if (string.Equals(mailbox.Folders.Inbox, mailbox.Folders.Processed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(mailbox.Folders.Inbox, mailbox.Folders.Failed, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:Folders:Processed and Failed must differ from Inbox, or mail would be read again and again.");
            }

            if (mailbox.PollSeconds is < 5 or > 86400)
            {
                failures.Add($"{key}:PollSeconds must be between 5 and 86400 (got {mailbox.PollSeconds}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAttachments(List<string> failures, AttachmentLimits limits)
    {
        if (limits.MaxCount is < 0 or > 1000)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Email:Attachments:MaxCount must be between 0 and 1000 (got {limits.MaxCount}); 0 imports no files."));
        }

        if (limits.MaxBytes <= 0 || limits.MaxTotalBytes <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Email:Attachments:MaxBytes and MaxTotalBytes must be positive byte counts (got {limits.MaxBytes} and {limits.MaxTotalBytes}), e.g. 26214400 for 25 MB."));
        }
        else if (limits.MaxBytes > limits.MaxTotalBytes)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Email:Attachments:MaxBytes ({limits.MaxBytes}) must not exceed Email:Attachments:MaxTotalBytes ({limits.MaxTotalBytes}), or no file that large could ever be imported."));
        }
    }

    private static void CheckServer(List<string> failures, string key, MailServerOptions server)
    {
        if (string.IsNullOrWhiteSpace(server.Host))
        {
            failures.Add($"{key}:Host is missing (the server's name, e.g. mail.example.com).");
        }

        if (server.Port is < 0 or > 65535)
        {
            failures.Add($"{key}:Port must be between 1 and 65535, or 0 for the default (got {server.Port}).");
        }

        if (!Enum.IsDefined(server.Security))
        {
            failures.Add($"{key}:Security must be None, StartTls or SslOnConnect.");
        }

        if (string.IsNullOrEmpty(server.User) != string.IsNullOrEmpty(server.Password))
        {
            failures.Add($"{key}: give both User and Password, or neither.");
        }
    }
}
