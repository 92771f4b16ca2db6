using FirstLine.Bot.Handoff;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Scaling;

public static class ScalingServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Scaling:Redis</c> set, this node fans out Direct Line and agent-console events to the other nodes
    /// and holds each conversation's turn across nodes; without it nothing changes (in-process notifiers, local
    /// turn gate). Call before the modules that register the in-process defaults.
    /// </summary>
    public static IServiceCollection AddScaling(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ScalingOptions.SectionName);
        services.AddOptions<ScalingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScalingOptions>, ScalingOptionsValidator>();
        if (!(section.Get<ScalingOptions>() ?? new ScalingOptions()).Enabled)
        {
            return services;
        }

        // Registered in this order so the connection is open before the fan-outs subscribe, and both before the
        // host serves its first request.
        AddStarted<RedisConnection>(services);
        AddStarted<RedisConversationNotifier>(services);
        services.AddSingleton<IConversationNotifier>(provider => provider.GetRequiredService<RedisConversationNotifier>());
        services.AddSingleton<InProcessAgentNotifier>();
        AddStarted<RedisAgentNotifier>(services);
        services.AddSingleton<IAgentNotifier>(provider => provider.GetRequiredService<RedisAgentNotifier>());
        services.AddSingleton<IConversationLock, RedisConversationLock>();
        ShareDataProtectionKeys(services);
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The agents' sign-in cookie and the console's prerendered state are protected with ASP.NET Core Data Protection:
    /// every node must use the same application name and key ring, or an agent signed in on one node is a stranger on
    /// the next. The key ring lives in Redis (run it with persistence, or agents sign in again after Redis restarts).
    /// </summary>
    private static void ShareDataProtectionKeys(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("FirstLine");
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Key("data-protection-keys")));
    }

    private static void AddStarted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(provider => provider.GetRequiredService<T>());
    }
}
