using System.Globalization;
using FirstLine.Bot.Commands.Eval.Mime;

namespace FirstLine.Bot.Commands.Eval;

/// <summary>
/// <c>eval mime --dir DIR</c>: every mail in a folder tree through the email channel's real pipeline (reading, loop
/// protection, threading, the support bot, tickets) on a throwaway database; reports tickets, failures and skips with
/// their reasons. Exit code 0 when the pipeline decided every mail, 1 when a mail made it throw or hang.
/// </summary>
internal sealed class EvalMimeCommand : ICommand
{
    public string Name => "eval mime";

    public string Usage => "--dir DIR [--pattern GLOB] [--timeout SECONDS] [--db FILE] [--json] [--verbose]";

    public string Description =>
        "Runs every mail file under DIR (mbox files split) through the email pipeline on a temporary database and reports "
        + "how many became tickets, went to Failed (grouped reasons) or were not answered (loop protection). Exit 1 if one hung or crashed.";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Value("dir", required: true),
        CommandOption.Value("pattern"),
        CommandOption.Value("timeout"),
        CommandOption.Value("db"),
        CommandOption.Switch("json"),
        CommandOption.Switch("verbose"),
    ];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        var folder = CommandArguments.ExistingFolder("dir", arguments.Single("dir"));
        var pattern = arguments.All("pattern") is [var glob] ? glob : "*";
        var limit = TimeSpan.FromSeconds(arguments.All("timeout") is [var seconds] ? Seconds(seconds) : 30);
        var database = arguments.All("db") is [var file] ? NewDatabaseFile(file) : null;
        await using var host = await MimeEvaluationHost.StartAsync(database, ct);
        var report = await MimeEvaluation.RunAsync(host, folder, pattern, limit, ct);
        await report.WriteAsync(context.Out, arguments.Has("verbose"), arguments.Has("json"));
        return report.Problems.Count == 0 ? 0 : CommandLine.FailureExitCode;
    }

    private static double Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
            ? seconds
            : throw new CommandUsageException($"--timeout must be a number of seconds between 1 and 3600, not '{value}'");

    // A file of its own, so the figures are this run's only and no real desk's tickets are touched.
    private static string NewDatabaseFile(string value)
    {
        var path = Path.GetFullPath(value);
        return File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(path))
            ? throw new CommandUsageException($"--db must name a new file in an existing folder; '{value}' exists or its folder does not")
            : path;
    }
}
