namespace FirstLine.Channels.Email;

/// <summary>How a connection to an IMAP or SMTP server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text (only for loopback test servers or a trusted local relay).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS is required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    SslOnConnect,
}
