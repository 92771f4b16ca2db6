using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Support;
using FirstLine.KnowledgeBase;

namespace FirstLine.Bot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>The support bot (knowledge base and dialogs), its turn pipeline (transcripts, one error handler) and the Direct Line channel.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDirectLine(configuration);
        services.AddKnowledgeBase(configuration);
        services.AddSupportDialogs(configuration);
        services.AddSingleton<IBot>(provider => provider.GetRequiredService<SupportBot>());
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TranscriptLoggerMiddleware>();
        return services;
    }

    /// <summary>Wires the middleware and the error handler into the adapters once the container is built.</summary>
    public static WebApplication UseConversations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var adapter = app.Services.GetRequiredService<DirectLineAdapter>();
        adapter.Use(app.Services.GetRequiredService<TranscriptLoggerMiddleware>());
        adapter.Use(app.Services.GetRequiredService<CustomerAnsweredMiddleware>());
        adapter.Use(app.Services.GetRequiredService<HandoffRoutingMiddleware>());
        adapter.OnTurnError = app.Services.GetRequiredService<TurnErrorHandler>().HandleAsync;
        app.Services.GetRequiredService<ChannelAdapters>().Register(DirectLineChannel.ChannelId, adapter);
        return app;
    }
}
