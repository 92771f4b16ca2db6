using FirstLine.Bot.Agents;
using FirstLine.Dialogs.Support.Desk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FirstLine.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The desk the support dialogs hand requests to, and who is there to take them.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        // Real presence (open consoles, business hours) comes from AddAgents(), which registers AgentPresence.
        services.TryAddSingleton<IAgentPresence>(provider => provider.GetRequiredService<AgentPresence>());
        services.TryAddSingleton<IAgentNotifier, InProcessAgentNotifier>();
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<ConversationOwnership>();
        services.AddSingleton<AgentConversations>();
        services.AddSingleton<HandoffRoutingMiddleware>();
        services.AddSingleton<TicketSupportDesk>();

        // Outside business hours the customer is told the wait until opening plus the SLA, not the SLA alone.
        services.AddSingleton<ISupportDesk>(provider => ActivatorUtilities.CreateInstance<BusinessHoursSupportDesk>(provider, provider.GetRequiredService<TicketSupportDesk>()));
        return services;
    }
}
