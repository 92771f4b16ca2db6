using System.Globalization;
using FirstLine.Bot.Agents;

namespace FirstLine.Bot.Commands.Agents;

/// <summary><c>apikey revoke</c>: a revoked key stops working at its next request.</summary>
internal sealed class ApiKeyRevokeCommand : ICommand
{
    public string Name => "apikey revoke";

    public string Usage => "--id N";

    public string Description => "Revokes an API key (the id printed by 'apikey create'); requests with it get 401 from then on.";

    public IReadOnlyList<CommandOption> Options { get; } = [CommandOption.Value("id", required: true)];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var text = arguments.Single("id");
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new CommandUsageException($"--id must be a key number, not '{text}'");
        }

        await using var services = await AgentCommandServices.StartAsync(context.Configuration, ct);
        if (!await services.GetRequiredService<ApiKeys>().RevokeAsync(id, ct))
        {
            await context.Error.WriteLineAsync($"apikey revoke: there is no active API key {id}.");
            return CommandLine.UsageExitCode;
        }

        await context.Out.WriteLineAsync($"API key {id} revoked.");
        return 0;
    }
}
