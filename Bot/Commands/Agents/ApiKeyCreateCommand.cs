using FirstLine.Bot.Agents;

namespace FirstLine.Bot.Commands.Agents;

/// <summary><c>apikey create</c>: creates a REST API key and prints it once.</summary>
internal sealed class ApiKeyCreateCommand : ICommand
{
    public string Name => "apikey create";

    public string Usage => "--name N [--role agent|admin] [--level 2|3]";

    public string Description => "Creates a key for the REST API (role admin, level 3 unless given) and prints it once; only its hash is stored.";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Value("name", required: true),
        CommandOption.Value("role"),
        CommandOption.Value("level"),
    ];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);

        // An integrator's key usually needs the whole API; narrower keys are asked for explicitly.
        var role = arguments.All("role") is [var r] ? AgentCommandServices.ParseRole(r) : AgentRole.Admin;
        var level = arguments.All("level") is [var l] ? AgentCommandServices.ParseLevel(l) : Tickets.SupportLevel.Third;
        await using var services = await AgentCommandServices.StartAsync(context.Configuration, ct);
        try
        {
            var created = await services.GetRequiredService<ApiKeys>().CreateAsync(arguments.Single("name"), role, level, "command line", ct);
            await context.Out.WriteLineAsync($"API key {created.Info.Id} '{created.Info.Name}' created (role {role}, level {(int)level}). It is shown only now; store it safely:");
            await context.Out.WriteLineAsync(created.Key);
            return 0;
        }
        catch (AgentException e)
        {
            await context.Error.WriteLineAsync($"apikey create: {e.Message}");
            return CommandLine.UsageExitCode;
        }
    }
}
