using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace FirstLine.Channels.DirectLine;

/// <summary>Fan-out to the streams of this process only.</summary>
public sealed class InProcessConversationNotifier : IConversationNotifier
{
    private readonly ConcurrentDictionary<string, ImmutableList<Action<LoggedActivity>>> subscribers = new(StringComparer.Ordinal);

    public ValueTask PublishAsync(string conversationId, LoggedActivity activity, CancellationToken cancellationToken)
    {
        if (subscribers.TryGetValue(conversationId, out var handlers))
        {
            foreach (var handler in handlers)
            {
                handler(activity);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether a stream of this process listens to the conversation (a fan-out skips the others).</summary>
    public bool HasSubscribers(string conversationId) => subscribers.ContainsKey(conversationId);

    public IDisposable Subscribe(string conversationId, Action<LoggedActivity> onActivity)
    {
        subscribers.AddOrUpdate(conversationId, _ => [onActivity], (_, list) => list.Add(onActivity));
        return new Subscription(() =>
        {
            while (subscribers.TryGetValue(conversationId, out var list))
            {
                var remaining = list.Remove(onActivity);
                var done = remaining.IsEmpty
                    ? subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Action<LoggedActivity>>>(conversationId, list))
                    : subscribers.TryUpdate(conversationId, remaining, list);
                if (done)
                {
                    return;
                }
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
