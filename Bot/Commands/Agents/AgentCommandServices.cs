using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;

namespace FirstLine.Bot.Commands.Agents;

/// <summary>
/// The slice of the host the management commands need: the configured database, brought up to date first
/// (so the commands work on a fresh install before the server ever ran), and the agent and key stores.
/// </summary>
internal static class AgentCommandServices
{
    /// <param name="configuration">the app's configuration</param>
    /// <param name="ct">cancels the migration</param>
    /// <param name="addServices">what else a command needs (tickets, privacy …)</param>
    public static async Task<ServiceProvider> StartAsync(IConfiguration configuration, CancellationToken ct, Action<IServiceCollection>? addServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddFirstLineStorage(configuration);
        services.AddSingleton<AgentPasswords>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<ApiKeys>();
        addServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(provider).StartAsync(ct);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>agent</c> or <c>admin</c>.</summary>
    public static AgentRole ParseRole(string value) => value.Trim().ToLowerInvariant() switch
    {
        "agent" => AgentRole.Agent,
        "admin" => AgentRole.Admin,
        _ => throw new CommandUsageException($"--role must be 'agent' or 'admin', not '{value}'"),
    };

    /// <summary><c>2</c> or <c>3</c>.</summary>
    public static Tickets.SupportLevel ParseLevel(string? value) => value?.Trim() switch
    {
        null or "2" => Tickets.SupportLevel.Second,
        "3" => Tickets.SupportLevel.Third,
        _ => throw new CommandUsageException($"--level must be 2 or 3, not '{value}'"),
    };
}
