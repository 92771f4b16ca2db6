namespace FirstLine.Channels.Email;

/// <summary>A mail server could not be reached, refused the login, or failed a command.</summary>
public sealed class MailboxException : Exception
{
    public MailboxException()
        : base("The mail server failed.")
    {
    }

    public MailboxException(string message)
        : base(message)
    {
    }

    public MailboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when retrying will not help (login refused, recipient rejected); false for outages.</summary>
    public bool Permanent { get; init; }
}
