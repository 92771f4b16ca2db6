namespace FirstLine.Bot.Hosting;

/// <summary>Tells whoever started the app where to point a browser.</summary>
internal static partial class StartupBanner
{
    public static void Log(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FirstLine");
        foreach (var url in app.Urls)
        {
            LogDemoPage(logger, $"{url}/", $"{url}/v3/directline");
        }

        if (app.Configuration["FirstLine:GeneratedSecretPath"] is { } secretPath)
        {
            LogGeneratedSecret(logger, secretPath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FirstLine is up. Demo chat page: {DemoPage}  Direct Line endpoint: {DirectLine}")]
    private static partial void LogDemoPage(ILogger logger, string demoPage, string directLine);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: generated a Direct Line secret and saved it in {Path}. Set DirectLine:Secret (env DirectLine__Secret) for production.")]
    private static partial void LogGeneratedSecret(ILogger logger, string path);
}
