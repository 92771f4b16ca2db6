namespace FirstLine.Channels.DirectLine;

/// <summary>
/// Durable Direct Line state: conversations, their activity logs and uploads. Implementations must let
/// several nodes share one database: sequence numbers are assigned atomically by the store.
/// </summary>
public interface IDirectLineStore
{
    Task CreateConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation started; true only for the one call that started it.</summary>
    Task<bool> TryMarkStartedAsync(string conversationId, string? locale, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to the log, assigning the next sequence number, the id <c>{conversationId}|{sequence:D7}</c>
    /// and a timestamp that is never earlier than the previous activity's. A number becomes visible to readers only
    /// after every smaller one of the conversation (streams fill gaps from the log and rely on it).
    /// </summary>
    Task<LoggedActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="afterSequence"/> (-1 for all), oldest first.</summary>
    Task<IReadOnlyList<LoggedActivity>> GetActivitiesAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken);

    Task SaveAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken);

    Task<StoredAttachment?> FindAttachmentAsync(string attachmentId, CancellationToken cancellationToken);
}
