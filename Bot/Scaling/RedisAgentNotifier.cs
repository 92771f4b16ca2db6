using FirstLine.Bot.Handoff;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Scaling;

/// <summary>
/// Agent-console events across nodes: an agent whose console runs on one node sees live what happens in a
/// conversation served by another. Consoles of this node are told at once; the other nodes hear it through Redis.
/// </summary>
public sealed class RedisAgentNotifier(RedisConnection redis, InProcessAgentNotifier local) : IAgentNotifier, IHostedService
{
    private const string Channel = "agents";

    public async Task PublishAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        await local.PublishAsync(agentEvent, cancellationToken);
        await redis.PublishAsync(Channel, BotJson.Serialize(agentEvent));
    }

    public IDisposable Subscribe(Func<AgentEvent, Task> onEvent) => local.Subscribe(onEvent);

    public Task StartAsync(CancellationToken cancellationToken) => redis.SubscribeAsync(Channel, OnRemoteAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task OnRemoteAsync(string message) =>
        local.PublishAsync(
            BotJson.Deserialize<AgentEvent>(message) ?? throw new ScalingException("Another node sent an empty agent event."),
            CancellationToken.None);
}
