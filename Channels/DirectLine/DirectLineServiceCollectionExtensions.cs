using FirstLine.Channels.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FirstLine.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The Direct Line 3.0 channel. The host supplies <c>IBot</c> and <see cref="IDirectLineStore"/>;
    /// the stream notifier is in-process unless the host registers another one.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Secret), "DirectLine:Secret is missing. Set it in appsettings.json or as the environment variable DirectLine__Secret (at least 32 random characters; every node of a multi-node desk needs the same one).")
            .Validate(o => o.Secret is null || o.Secret.Length >= 16, "DirectLine:Secret is too short: use at least 16 (better 32) random characters.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationTurnGate>();
        services.TryAddSingleton<IConversationNotifier, InProcessConversationNotifier>();
        services.TryAddSingleton<DirectLineTokens>();
        services.TryAddSingleton<DirectLineAdapter>();
        services.TryAddSingleton<DirectLineService>();
        services.TryAddSingleton<DirectLineStream>();
        services.TryAddSingleton<DirectLineUpload>();

        // Any website may embed the chat: the token, not the origin, is the protection.
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "X-Requested-With")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
