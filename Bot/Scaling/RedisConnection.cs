using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FirstLine.Bot.Scaling;

/// <summary>
/// This node's one connection to Redis, opened when the host starts (a node that cannot reach Redis does not
/// start serving), and the pub/sub every fan-out uses: each message carries the id of the node that sent it, so
/// a node hands on only what the others published — its own events it has delivered locally already.
/// </summary>
public sealed partial class RedisConnection(IOptions<ScalingOptions> options, ILogger<RedisConnection> logger) : IHostedService, IAsyncDisposable
{
    private const char Separator = '\n';
    private ConnectionMultiplexer? multiplexer;

    /// <summary>Unique per process, so a restarted node never mistakes an old message for its own.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public IDatabase Database => Multiplexer.GetDatabase();

    public string Key(string name) => $"{options.Value.KeyPrefix}:{name}";

    private ConnectionMultiplexer Multiplexer => multiplexer
        ?? throw new ScalingException("Redis is used before the host started; Scaling:Redis connects when the host starts.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.ClientName ??= "FirstLine";
        try
        {
            multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellationToken);
        }
        catch (RedisConnectionException exception)
        {
            throw new ScalingException($"Could not connect to Redis at {configuration.ToString(includePassword: false)} (Scaling:Redis): {exception.Message} Start Redis or correct the connection string.", exception);
        }

        LogConnected(configuration.ToString(includePassword: false), NodeId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync();
        }
    }

    /// <summary>Round trip to Redis (the readiness check).</summary>
    public Task<TimeSpan> PingAsync() => Database.PingAsync();

    public async Task PublishAsync(string channel, string payload)
    {
        try
        {
            await Multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(Key(channel)), $"{NodeId}{Separator}{payload}");
        }
        catch (RedisException exception)
        {
            throw new ScalingException($"Could not publish to the other nodes through Redis ({channel}).", exception);
        }
    }

    /// <summary>
    /// Hands every message another node publishes on <paramref name="channel"/> to <paramref name="onMessage"/>,
    /// one after another in the order Redis delivers them (so one node's events keep their order).
    /// </summary>
    public async Task SubscribeAsync(string channel, Func<string, Task> onMessage)
    {
        var queue = await Multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Key(channel)));
        queue.OnMessage(async message =>
        {
            var text = (string?)message.Message ?? string.Empty;
            var separator = text.IndexOf(Separator, StringComparison.Ordinal);
            if (separator < 0 || text.AsSpan(0, separator).SequenceEqual(NodeId))
            {
                return;
            }

            try
            {
                await onMessage(text[(separator + 1)..]);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One bad message must not end this node's subscription for everything after it.
                LogMessageFailed(exception, channel);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling: connected to Redis at {Endpoints} as node {NodeId}")]
    private partial void LogConnected(string endpoints, string nodeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scaling: a message from another node on {Channel} could not be handled")]
    private partial void LogMessageFailed(Exception exception, string channel);
}
