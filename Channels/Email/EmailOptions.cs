namespace FirstLine.Channels.Email;

/// <summary>The <c>Email</c> section of appsettings.json: the support mailboxes and what a mail may carry.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The support mailboxes; none configured means the email channel stays off.</summary>
    public IList<MailboxOptions> Mailboxes { get; } = [];

    /// <summary>A mail larger than this (as stored on the server) goes to the failed folder unread.</summary>
    public long MaxMessageBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>How many and how large files of a mail are imported onto its ticket.</summary>
    public AttachmentLimits Attachments { get; set; } = new();

    /// <summary>
    /// A chat customer who gave an email address and has not written for this long has probably left: an agent's
    /// answer then also goes to them by email (the first mailbox sends it).
    /// </summary>
    public TimeSpan ChatAbsentAfter { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The <c>Email:Attachments</c> section. A file beyond a limit is not imported: it stays in the original mail on the
/// server and the ticket says so.
/// </summary>
public sealed class AttachmentLimits
{
    /// <summary>The largest file imported (decoded size).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>How many files of one mail are imported at most.</summary>
    public int MaxCount { get; set; } = 20;

    /// <summary>How many bytes of files one mail may bring in total.</summary>
    public long MaxTotalBytes { get; set; } = 40L * 1024 * 1024;
}

/// <summary>One support mailbox: where mail is read (IMAP) and how answers are sent (SMTP).</summary>
public sealed class MailboxOptions
{
    /// <summary>The support address customers write to, e.g. <c>support@example.com</c>.</summary>
    public string? Address { get; set; }

    /// <summary>The name shown as sender of the answers, e.g. <c>Example IT-Support</c>.</summary>
    public string? DisplayName { get; set; }

    public MailServerOptions Imap { get; set; } = new();

    public MailServerOptions Smtp { get; set; } = new();

    public MailFolderOptions Folders { get; set; } = new();

    /// <summary>Seconds between two polls of the inbox.</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>
    /// Hold an IMAP IDLE connection on the inbox and poll as soon as mail arrives (when the server offers IDLE and
    /// polling runs in the background); the regular poll stays as the safety net. Default true.
    /// </summary>
    public bool Idle { get; set; } = true;
}

/// <summary>An IMAP or SMTP server and the login for it.</summary>
public sealed class MailServerOptions
{
    public string? Host { get; set; }

    /// <summary>0 means the protocol's default for the chosen <see cref="Security"/>.</summary>
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    public string? User { get; set; }

    public string? Password { get; set; }
}

/// <summary>The IMAP folders the poller reads from and sorts into.</summary>
public sealed class MailFolderOptions
{
    public string Inbox { get; set; } = "INBOX";

    public string Processed { get; set; } = "FirstLine/Processed";

    public string Failed { get; set; } = "FirstLine/Failed";
}
