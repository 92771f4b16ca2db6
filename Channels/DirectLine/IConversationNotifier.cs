namespace FirstLine.Channels.DirectLine;

/// <summary>
/// Tells open WebSocket streams that a conversation has something new. In-process by default; a
/// multi-node deployment swaps in a fan-out implementation (Redis) behind the same interface.
/// </summary>
public interface IConversationNotifier
{
    ValueTask PublishAsync(string conversationId, LoggedActivity activity, CancellationToken cancellationToken);

    /// <summary>Delivers everything published for the conversation to <paramref name="onActivity"/> until disposed.</summary>
    IDisposable Subscribe(string conversationId, Action<LoggedActivity> onActivity);
}
