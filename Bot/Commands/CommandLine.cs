using FirstLine.Bot.Commands.Agents;
using FirstLine.Bot.Commands.Customers;
using FirstLine.Bot.Commands.Eval;

namespace FirstLine.Bot.Commands;

/// <summary>
/// <c>FirstLine.Bot &lt;command&gt; [options]</c>: runs a command instead of the web host. Arguments that do not
/// start with a command word (none, <c>--urls …</c>, <c>Section:Key=value</c>) belong to the host.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for an unknown command or bad options.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for a command that could not do its work (unreadable input).</summary>
    public const int FailureExitCode = 1;

    /// <summary>Every command; a new one is one more entry here.</summary>
    internal static IReadOnlyList<ICommand> Commands { get; } = [new EvalKbCommand(), new EvalLanguageCommand(), new EvalMimeCommand(), new AgentAddCommand(), new ApiKeyCreateCommand(), new ApiKeyRevokeCommand(), new CustomerExportCommand(), new CustomerEraseCommand()];

    /// <summary>Runs the command <paramref name="args"/> names on the console.</summary>
    /// <returns>its exit code, or null when the arguments are the web host's</returns>
    public static Task<int?> TryRunAsync(string[] args, CancellationToken ct) => TryRunAsync(args, CommandContext.FromConsole(), ct);

    internal static async Task<int?> TryRunAsync(IReadOnlyList<string> args, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Count == 0 || !IsCommandWord(args[0]))
        {
            return null;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            await WriteUsageAsync(context.Out);
            return 0;
        }

        var command = Commands
            .Where(c => Selects(c, args))
            .MaxBy(c => Words(c).Length);
        if (command is null)
        {
            var typed = string.Join(' ', args.TakeWhile(IsCommandWord));
            await context.Error.WriteLineAsync($"unknown command '{typed}'");
            await WriteUsageAsync(context.Error);
            return UsageExitCode;
        }

        try
        {
            var arguments = CommandArguments.Parse(args.Skip(Words(command).Length), command.Options);
            if (arguments.HelpRequested)
            {
                await context.Out.WriteLineAsync($"{command.Description}\nusage: FirstLine.Bot {command.Name} {command.Usage}");
                return 0;
            }

            return await command.RunAsync(arguments, context, ct);
        }
        catch (CommandUsageException e)
        {
            await context.Error.WriteLineAsync($"{command.Name}: {e.Message}");
            await context.Error.WriteLineAsync($"usage: FirstLine.Bot {command.Name} {command.Usage}");
            return UsageExitCode;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Input the command could not read (a malformed cases file, a file in use): say which and stop.
            await context.Error.WriteLineAsync($"{command.Name}: {e.Message}");
            return FailureExitCode;
        }
    }

    // Host arguments are options (--urls, /key) or key=value pairs; a bare word can only mean a command.
    private static bool IsCommandWord(string arg) =>
        arg.Length > 0 && arg[0] is not ('-' or '/') && !arg.Contains('=', StringComparison.Ordinal);

    private static string[] Words(ICommand command) => command.Name.Split(' ');

    private static bool Selects(ICommand command, IReadOnlyList<string> args)
    {
        var words = Words(command);
        return args.Count >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }

    private static async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: FirstLine.Bot                         starts the web host (options: --urls URL, --Section:Key=value)");
        foreach (var command in Commands)
        {
            await writer.WriteLineAsync($"       FirstLine.Bot {command.Name} {command.Usage}");
            await writer.WriteLineAsync($"           {command.Description}");
        }
    }
}
