using System.Collections.Concurrent;

namespace FirstLine.Channels.Turns;

/// <summary>
/// Makes turns of one conversation run strictly one after another while different conversations
/// run in parallel. A turn that starts another turn for the same conversation (a proactive message
/// sent from inside a turn) is let through instead of deadlocking. With several nodes, a turn also holds the
/// conversation's <see cref="IConversationLock"/>, taken after the local gate so a node's own queue of turns
/// never competes for it.
/// </summary>
public sealed class ConversationTurnGate(IConversationLock? acrossNodes = null)
{
    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.Ordinal);
    private readonly AsyncLocal<HeldTurn> held = new();

    /// <summary>How many conversations currently have a turn running or waiting (for diagnostics).</summary>
    public int ActiveConversations => gates.Count;

    public async Task RunAsync(string conversationId, Func<Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(turn);
        if (held.Value?.Holds(conversationId) == true)
        {
            await turn().ConfigureAwait(false);
            return;
        }

        var gate = Acquire(conversationId);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            var marker = new HeldTurn(conversationId, held.Value);
            try
            {
                var nodeLock = acrossNodes is null ? null : await acrossNodes.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
                try
                {
                    held.Value = marker;
                    await turn().ConfigureAwait(false);
                }
                finally
                {
                    if (nodeLock is not null)
                    {
                        await nodeLock.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                // Work the turn left running (Task.Run, timers) captured the marker; once the turn is over it
                // must queue at the gate like anyone else.
                marker.Active = false;
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Release(conversationId, gate);
        }
    }

    private Gate Acquire(string conversationId)
    {
        while (true)
        {
            var gate = gates.GetOrAdd(conversationId, _ => new Gate());
            lock (gate)
            {
                if (!gate.Retired)
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    private void Release(string conversationId, Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users == 0)
            {
                gate.Retired = true;
                gates.TryRemove(new KeyValuePair<string, Gate>(conversationId, gate));
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    /// <summary>The turns the current async flow is inside of, innermost first.</summary>
    private sealed class HeldTurn(string conversationId, HeldTurn? outer)
    {
        public bool Active { get; set; } = true;

        public bool Holds(string id) =>
            (Active && string.Equals(conversationId, id, StringComparison.Ordinal)) || outer?.Holds(id) == true;
    }
}
