using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Scaling;

/// <summary>
/// Direct Line stream notifications across nodes: a customer's WebSocket may sit on one node while their
/// messages, the bot's replies or an agent's answer are written on another. Streams of this node are told at
/// once; the other nodes hear it through Redis and tell theirs. A notification that arrives late or out of order
/// loses nothing: the stream fills any gap from the shared activity log.
/// </summary>
public sealed class RedisConversationNotifier(RedisConnection redis) : IConversationNotifier, IHostedService
{
    private const string Channel = "directline";
    private const char Separator = '\n';
    private readonly InProcessConversationNotifier local = new();

    public async ValueTask PublishAsync(string conversationId, LoggedActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        await local.PublishAsync(conversationId, activity, cancellationToken);
        await redis.PublishAsync(Channel, $"{conversationId}{Separator}{BotJson.Serialize(activity)}");
    }

    public IDisposable Subscribe(string conversationId, Action<LoggedActivity> onActivity) => local.Subscribe(conversationId, onActivity);

    public Task StartAsync(CancellationToken cancellationToken) => redis.SubscribeAsync(Channel, OnRemoteAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnRemoteAsync(string message)
    {
        var separator = message.IndexOf(Separator, StringComparison.Ordinal);
        var conversationId = message[..separator];

        // Every node hears every conversation; only one with an open stream for it pays for reading the activity.
        if (!local.HasSubscribers(conversationId))
        {
            return;
        }

        var activity = BotJson.Deserialize<LoggedActivity>(message[(separator + 1)..])
            ?? throw new ScalingException($"Another node sent an empty Direct Line notification for {conversationId}.");
        await local.PublishAsync(conversationId, activity, CancellationToken.None);
    }
}
