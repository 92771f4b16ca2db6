using FirstLine.Bot.Agents;

namespace FirstLine.Bot.Commands.Agents;

/// <summary><c>agent add</c>: creates an agent account in the configured database.</summary>
internal sealed class AgentAddCommand : ICommand
{
    public string Name => "agent add";

    public string Usage => "--email E --name N --password P --role agent|admin [--level 2|3] [--queue Q]...";

    public string Description => "Creates an agent who can sign in to the console at /agent (level 2 unless --level 3; every queue unless --queue).";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Value("email", required: true),
        CommandOption.Value("name", required: true),
        CommandOption.Value("password", required: true),
        CommandOption.Value("role", required: true),
        CommandOption.Value("level"),
        CommandOption.Value("queue", repeatable: true),
    ];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var role = AgentCommandServices.ParseRole(arguments.Single("role"));
        var level = AgentCommandServices.ParseLevel(arguments.All("level").FirstOrDefault());
        await using var services = await AgentCommandServices.StartAsync(context.Configuration, ct);
        try
        {
            var agent = await services.GetRequiredService<AgentDirectory>().CreateAsync(
                new NewAgent(arguments.Single("email"), arguments.Single("name"), arguments.Single("password"), role, level) { Queues = arguments.All("queue") },
                ct);
            var queues = agent.Queues.Count == 0 ? "every queue" : string.Join(", ", agent.Queues);
            await context.Out.WriteLineAsync($"Agent {agent.AgentId} created: {agent.Name} <{agent.Email}>, role {agent.Role}, level {(int)agent.Level}, {queues}.");
            return 0;
        }
        catch (AgentException e)
        {
            await context.Error.WriteLineAsync($"agent add: {e.Message}");
            return CommandLine.UsageExitCode;
        }
    }
}
