using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Handoff;

/// <summary>The adapter of each channel, so a message can reach a customer on the channel they used.</summary>
public sealed class ChannelAdapters
{
    private readonly Dictionary<string, BotAdapter> adapters = new(StringComparer.Ordinal);

    public void Register(string channelId, BotAdapter adapter) => adapters[channelId] = adapter;

    public BotAdapter For(string channelId) =>
        adapters.TryGetValue(channelId, out var adapter)
            ? adapter
            : throw new HandoffException($"No channel '{channelId}' is configured to reach the customer.");
}

/// <summary>A handoff operation that cannot be done (not claimed, owned by someone else, channel gone …).</summary>
public sealed class HandoffException : Exception
{
    public HandoffException()
    {
    }

    public HandoffException(string message)
        : base(message)
    {
    }

    public HandoffException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
