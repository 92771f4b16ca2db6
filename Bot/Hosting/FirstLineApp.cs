using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Console;
using FirstLine.Bot.Api;
using FirstLine.Bot.Conversations;
using FirstLine.Bot.Email;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Health;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Scaling;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Bot.WebChat;
using FirstLine.Channels.DirectLine;

namespace FirstLine.Bot.Hosting;

/// <summary>
/// The composition root: one <c>AddXxx()</c> per module. Tests and benchmarks build the same app
/// through <see cref="Create"/> so they exercise exactly what <c>dotnet run --project Bot</c> serves.
/// </summary>
public static class FirstLineApp
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <param name="args">Command-line arguments; any configuration key can be given as <c>--Section:Key=value</c>.</param>
    /// <param name="configureServices">Lets tests and benchmarks replace a service (e.g. the bot) after the modules registered theirs.</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,

            // appsettings.json and wwwroot are copied next to the binary, so the app runs from any directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.UseAgentConsoleAssets();
        DevelopmentSecret.Apply(builder);
        builder.Services.AddFirstLineStorage(builder.Configuration);
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddScaling(builder.Configuration);
        builder.Services.AddTickets(builder.Configuration);
        builder.Services.AddHandoff();
        builder.Services.AddAgents(builder.Configuration);
        builder.Services.AddAgentApi();
        builder.Services.AddConversations(builder.Configuration);
        builder.Services.AddEmailChannel(builder.Configuration);
        builder.Services.AddFirstLineHealth();
        builder.Services.AddPrivacy(builder.Configuration);
        builder.Services.AddSingleton<WebChatSessionCookie>();
        builder.Services.AddAgentConsole();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseConversations();
        app.UseEmailChannel();
        app.UseWebSockets();
        app.UseCors();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAgents();
        app.MapDirectLine();
        app.MapWebChat();
        app.MapAgentApi();
        app.MapAgentConsole();
        app.MapFirstLineHealth();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app));
        return app;
    }
}
