namespace FirstLine.Channels.Email;

/// <summary>
/// The host's outbox for mail written outside a mail's turn (<c>ContinueConversationAsync</c>), e.g. an agent
/// answering an email ticket from the console. The host threads it to the conversation's earlier mails.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Writes <paramref name="message"/> as a mail in the thread of <paramref name="reference"/>'s conversation.</summary>
    /// <returns>the mail's Message-ID, or null when the message is not one to mail</returns>
    Task<string?> EnqueueAsync(ConversationReference reference, Activity message, CancellationToken cancellationToken);
}
