namespace FirstLine.Channels.Turns;

/// <summary>
/// Holds a conversation for one turn across every node that serves it, so two nodes never run turns of the same
/// conversation at once. A single node needs none: <see cref="ConversationTurnGate"/> orders turns in-process.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until this node holds the conversation; disposing the result lets the next node in.</summary>
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken);
}
