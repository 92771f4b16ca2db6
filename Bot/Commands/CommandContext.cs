namespace FirstLine.Bot.Commands;

/// <summary>Where a command writes and what configuration it reads; tests pass their own.</summary>
/// <param name="Out">results (with <c>--json</c>, its last line is the JSON object)</param>
/// <param name="Error">warnings and errors</param>
/// <param name="Configuration">the app's configuration (appsettings.json and environment variables)</param>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, IConfiguration Configuration)
{
    /// <summary>The console, and the configuration the host would read from next to the binary.</summary>
    public static CommandContext FromConsole() => new(
        Console.Out,
        Console.Error,
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build());
}
