using FirstLine.Bot.Handoff;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Turns;
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
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static void AddStarted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(provider => provider.GetRequiredService<T>());
    }
}
