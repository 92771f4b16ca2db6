using FirstLine.Bot.Commands;
using Microsoft.Extensions.Configuration;

namespace FirstLine.Bot.Tests.Commands;

/// <summary>Runs the dispatcher in process with captured output and a configuration of the test's choosing.</summary>
internal sealed record CommandRun(int? ExitCode, string Out, string Error)
{
    public string LastLine => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public static Task<CommandRun> RunAsync(IReadOnlyList<string> args, Dictionary<string, string?>? configuration = null) =>
        RunWithAsync(args, new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());

    public static async Task<CommandRun> RunWithAsync(IReadOnlyList<string> args, IConfiguration configuration)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.TryRunAsync(args, new CommandContext(output, error, configuration), CancellationToken.None);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }
}
