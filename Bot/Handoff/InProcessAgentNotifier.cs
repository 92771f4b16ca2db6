using System.Collections.Immutable;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// Agent events fanned out inside this process. A multi-node deployment replaces it with a Redis-backed
/// notifier behind the same interface.
/// </summary>
public sealed partial class InProcessAgentNotifier(ILogger<InProcessAgentNotifier> logger) : IAgentNotifier
{
    private ImmutableList<Func<AgentEvent, Task>> subscribers = [];

    public async Task PublishAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(agentEvent);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken console connection must not stop the customer's turn or the other consoles.
                LogSubscriberFailed(exception, agentEvent.Kind, agentEvent.TicketNumber);
            }
        }
    }

    public IDisposable Subscribe(Func<AgentEvent, Task> onEvent)
    {
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(onEvent));
        return new Subscription(() => ImmutableInterlocked.Update(ref subscribers, list => list.Remove(onEvent)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An agent console subscriber failed on {Kind} for {TicketNumber}")]
    private partial void LogSubscriberFailed(Exception exception, AgentEventKind kind, string ticketNumber);

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
