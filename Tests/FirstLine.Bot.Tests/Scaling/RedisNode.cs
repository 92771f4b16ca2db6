using FirstLine.Bot.Scaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// The scaling module of one node, as <c>AddScaling</c> registers it, started against the real test Redis: enough of a
/// node to prove what travels between nodes without starting the whole host.
/// </summary>
public sealed class RedisNode : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private RedisNode(ServiceProvider services) => this.services = services;

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Starts a node on <paramref name="keyPrefix"/>; nodes with the same prefix form one desk.</summary>
    public static async Task<RedisNode> StartAsync(string keyPrefix, TimeSpan? turnLockLease = null)
    {
        await ScalingServers.RequireRedisAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scaling:Redis"] = ScalingServers.Redis,
            ["Scaling:KeyPrefix"] = keyPrefix,
            ["Scaling:TurnLockLease"] = (turnLockLease ?? TimeSpan.FromSeconds(30)).ToString(),
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        collection.AddScaling(configuration);
        var services = collection.BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new RedisNode(services);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
