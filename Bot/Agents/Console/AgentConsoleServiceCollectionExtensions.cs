namespace FirstLine.Bot.Agents.Console;

public static class AgentConsoleServiceCollectionExtensions
{
    /// <summary>The agent console: Razor components with interactive server rendering, and what its pages read.</summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<TicketQueueQuery>();
        services.AddSingleton<TicketTranscript>();
        services.AddSingleton<ConsoleTicketActions>();
        return services;
    }

    /// <summary>Maps the console's pages under <c>/agent</c> and its language switch.</summary>
    public static WebApplication MapAgentConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapGet("/agent/language/{language}", (HttpContext context, string language, string? returnUrl) => ConsoleLanguage.Switch(context, language, returnUrl));
        return app;
    }
}
