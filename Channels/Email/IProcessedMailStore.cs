namespace FirstLine.Channels.Email;

/// <summary>
/// The host's record of mail already handled, for de-duplication: a mail whose key is known is never turned into
/// a turn again, only moved to the folder its first handling chose.
/// </summary>
public interface IProcessedMailStore
{
    /// <summary>How <paramref name="messageKey"/> was handled in <paramref name="mailbox"/>, or null when it is new.</summary>
    Task<MailDisposition?> FindAsync(string mailbox, string messageKey, CancellationToken cancellationToken);
}
