using System.Collections.Concurrent;

namespace FirstLine.Channels.Turns;

/// <summary>
/// Makes turns of one conversation run strictly one after another while different conversations
/// run in parallel. A turn that starts another turn for the same conversation (a proactive message
/// sent from inside a turn) is let through instead of deadlocking.
/// </summary>
public sealed class ConversationTurnGate
{
    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.Ordinal);
    private readonly AsyncLocal<ImmutableStack> held = new();

    /// <summary>How many conversations currently have a turn running or waiting (for diagnostics).</summary>
    public int ActiveConversations => gates.Count;

    public async Task RunAsync(string conversationId, Func<Task> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(turn);
        if (held.Value?.Contains(conversationId) == true)
        {
            await turn().ConfigureAwait(false);
            return;
        }

        var gate = Acquire(conversationId);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                held.Value = new ImmutableStack(conversationId, held.Value);
                await turn().ConfigureAwait(false);
            }
            finally
            {
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

    private sealed record ImmutableStack(string ConversationId, ImmutableStack? Next)
    {
        public bool Contains(string conversationId) =>
            string.Equals(ConversationId, conversationId, StringComparison.Ordinal) || Next?.Contains(conversationId) == true;
    }
}
