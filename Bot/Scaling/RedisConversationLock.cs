using FirstLine.Channels.Turns;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FirstLine.Bot.Scaling;

/// <summary>
/// One conversation's turn runs on one node at a time: a Redis lock per conversation (SET NX with a lease),
/// renewed while the turn runs and released by its holder only. A node that dies mid-turn frees the
/// conversation when the lease runs out.
/// </summary>
public sealed partial class RedisConversationLock(
    RedisConnection redis,
    IOptions<ScalingOptions> options,
    TimeProvider time,
    ILogger<RedisConversationLock> logger) : IConversationLock
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMilliseconds(200);

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = (RedisKey)redis.Key($"turn:{conversationId}");
        var holder = (RedisValue)$"{redis.NodeId}/{Guid.NewGuid():N}";
        var lease = options.Value.TurnLockLease;
        var retry = FirstRetry;
        while (!await TryTakeAsync(key, holder, lease, conversationId))
        {
            // Another node runs a turn of this conversation; they are short, so ask again soon.
            await Task.Delay(retry, time, cancellationToken);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }

        return new Held(this, key, holder, conversationId, lease);
    }

    private async Task<bool> TryTakeAsync(RedisKey key, RedisValue holder, TimeSpan lease, string conversationId)
    {
        try
        {
            return await redis.Database.LockTakeAsync(key, holder, lease);
        }
        catch (RedisException exception)
        {
            throw new ScalingException($"Could not take the turn lock of conversation {conversationId} in Redis; the turn did not run.", exception);
        }
    }

    private TimeProvider Time => time;

    private Task<bool> ExtendAsync(RedisKey key, RedisValue holder, TimeSpan lease) => redis.Database.LockExtendAsync(key, holder, lease);

    private Task<bool> ReleaseAsync(RedisKey key, RedisValue holder) => redis.Database.LockReleaseAsync(key, holder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scaling: the turn lock of conversation {ConversationId} expired before the turn ended (Redis unreachable or the node stalled longer than Scaling:TurnLockLease); another node may run a turn of it at the same time")]
    private partial void LogLeaseLost(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaling: renewing the turn lock of conversation {ConversationId} failed; trying again")]
    private partial void LogRenewFailed(Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scaling: releasing the turn lock of conversation {ConversationId} failed; it frees itself when its lease runs out")]
    private partial void LogReleaseFailed(Exception exception, string conversationId);

    /// <summary>A taken lock: renews its lease every third of it until disposed, then releases it.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly RedisConversationLock owner;
        private readonly RedisKey key;
        private readonly RedisValue holder;
        private readonly string conversationId;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;

        public Held(RedisConversationLock owner, RedisKey key, RedisValue holder, string conversationId, TimeSpan lease)
        {
            this.owner = owner;
            this.key = key;
            this.holder = holder;
            this.conversationId = conversationId;
            renewing = RenewAsync(lease, stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewing;
            stop.Dispose();
            try
            {
                await owner.ReleaseAsync(key, holder);
            }
            catch (RedisException exception)
            {
                owner.LogReleaseFailed(exception, conversationId);
            }
        }

        private async Task RenewAsync(TimeSpan lease, CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(lease / 3, owner.Time);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    try
                    {
                        if (!await owner.ExtendAsync(key, holder, lease))
                        {
                            owner.LogLeaseLost(conversationId);
                            return;
                        }
                    }
                    catch (RedisException exception)
                    {
                        owner.LogRenewFailed(exception, conversationId);
                    }
                    catch (ObjectDisposedException exception)
                    {
                        // The node is shutting down mid-turn; the lease runs out by itself.
                        owner.LogRenewFailed(exception, conversationId);
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The turn ended.
            }
        }
    }
}
