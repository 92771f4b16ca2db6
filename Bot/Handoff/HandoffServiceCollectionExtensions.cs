using FirstLine.Dialogs.Support.Desk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FirstLine.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The desk the support dialogs hand requests to, and who is there to take them.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.TryAddSingleton<IAgentPresence, NoAgentsSignedIn>();
        services.TryAddSingleton<IAgentNotifier, InProcessAgentNotifier>();
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<ConversationOwnership>();
        services.AddSingleton<AgentConversations>();
        services.AddSingleton<HandoffRoutingMiddleware>();
        services.AddSingleton<ISupportDesk, TicketSupportDesk>();
        return services;
    }
}
