namespace FirstLine.Bot.Commands;

/// <summary>
/// One command of <c>FirstLine.Bot &lt;command&gt; [options]</c>. A new command is one class implementing this,
/// listed in <see cref="CommandLine.Commands"/>; parsing, usage and exit codes are the dispatcher's job.
/// </summary>
internal interface ICommand
{
    /// <summary>The words that select it, e.g. <c>eval kb</c>.</summary>
    string Name { get; }

    /// <summary>Its options as shown in the usage, e.g. <c>--kb DIR --cases FILE [--json]</c>.</summary>
    string Usage { get; }

    /// <summary>One line: what it does.</summary>
    string Description { get; }

    IReadOnlyList<CommandOption> Options { get; }

    /// <summary>Runs with options already checked against <see cref="Options"/>; returns the exit code.</summary>
    /// <exception cref="CommandUsageException">an option's value is unusable (the dispatcher prints usage, exit code 2)</exception>
    Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct);
}
