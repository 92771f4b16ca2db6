namespace FirstLine.Channels.Email;

/// <summary>A mail that cannot be read: broken MIME, no sender, too large. The message says why, for the failed folder.</summary>
public sealed class EmailFormatException : Exception
{
    public EmailFormatException()
        : base("The mail could not be read.")
    {
    }

    public EmailFormatException(string message)
        : base(message)
    {
    }

    public EmailFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
