using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FirstLine.Bot.Scaling;

/// <summary>Ready only while Redis answers: without it this node would miss what the other nodes publish.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception exception) when (exception is RedisException or ScalingException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis (Scaling:Redis) does not answer.", exception);
        }
    }
}
