using FirstLine.Channels.Email;

namespace FirstLine.Channels.Tests.Email;

public sealed class EmailOptionsValidatorTests
{
    private static MailboxOptions Valid() => new()
    {
        Address = "support@example.test",
        Imap = new MailServerOptions { Host = "imap.example.test", User = "u", Password = "p" },
        Smtp = new MailServerOptions { Host = "smtp.example.test", Security = MailSecurity.StartTls },
    };

    private static string[] Failures(MailboxOptions mailbox)
    {
        var options = new EmailOptions();
        options.Mailboxes.Add(mailbox);
        var result = new EmailOptionsValidator().Validate(null, options);
        return result.Failures?.ToArray() ?? [];
    }

    [Fact]
    public void A_complete_mailbox_is_accepted()
    {
        Assert.Empty(Failures(Valid()));
    }

    [Fact]
    public void Every_mistake_is_named_with_its_configuration_key()
    {
        var mailbox = Valid();
        mailbox.Address = "not an address";
        mailbox.Imap.Host = null;
        mailbox.Smtp.Password = "p";
        mailbox.Folders.Processed = "INBOX";
        mailbox.PollSeconds = 1;

        var failures = Failures(mailbox);

        Assert.Contains(failures, f => f.StartsWith("Email:Mailboxes:0:Address", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Mailboxes:0:Imap:Host", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Mailboxes:0:Smtp:", StringComparison.Ordinal) && f.Contains("User and Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("differ from Inbox", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Mailboxes:0:PollSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Attachment_limits_default_to_25_MB_per_file_and_20_files_and_mistakes_name_their_key()
    {
        var defaults = new AttachmentLimits();
        var options = new EmailOptions { Attachments = new AttachmentLimits { MaxCount = -1, MaxBytes = 50, MaxTotalBytes = 10 } };

        var failures = new EmailOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

        Assert.Equal((25L * 1024 * 1024, 20), (defaults.MaxBytes, defaults.MaxCount));
        Assert.Contains(failures, f => f.StartsWith("Email:Attachments:MaxCount must be between 0 and 1000 (got -1)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Attachments:MaxBytes (50) must not exceed Email:Attachments:MaxTotalBytes (10)", StringComparison.Ordinal));
        Assert.Empty(new EmailOptionsValidator().Validate(null, new EmailOptions()).Failures ?? []);
    }
}
