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

    /// <summary>
    /// Serves the framework's Blazor script (<c>_framework/blazor.web.js</c>, a static web asset of ASP.NET Core) from
    /// the build output's manifest in every environment, also when the entry assembly is a test host. A published app
    /// has the script in wwwroot and no manifest, so nothing changes there.
    /// </summary>
    public static WebApplicationBuilder UseAgentConsoleAssets(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(App).Assembly.GetName().Name}.staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    /// <summary>Maps the console's pages under <c>/agent</c>, its sign-in and sign-out posts, file downloads and its language switch.</summary>
    public static WebApplication MapAgentConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        ConsoleSignInEndpoints.Map(app);
        ConsoleAttachmentEndpoints.Map(app);
        app.MapGet("/agent/language/{language}", (HttpContext context, string language, string? returnUrl) => ConsoleLanguage.Switch(context, language, returnUrl));
        return app;
    }
}
