namespace FirstLine.Bot.Commands;

/// <summary>A command's options after parsing, checked against what the command declares.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    /// <summary><c>--help</c> was given: show the command's usage instead of running it.</summary>
    public bool HelpRequested { get; private set; }

    /// <exception cref="CommandUsageException">an unknown option, a missing value, a repeated or missing required option</exception>
    public static CommandArguments Parse(IEnumerable<string> args, IReadOnlyList<CommandOption> options)
    {
        var parsed = new CommandArguments();
        var byName = options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        using var next = args.GetEnumerator();
        while (next.MoveNext())
        {
            var arg = next.Current;
            if (arg is "--help" or "-h")
            {
                parsed.HelpRequested = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CommandUsageException($"unexpected argument '{arg}'");
            }

            var (name, inlineValue) = arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], null);
            if (!byName.TryGetValue(name, out var option))
            {
                throw new CommandUsageException($"unknown option '--{name}'");
            }

            if (!option.TakesValue)
            {
                parsed.switches.Add(inlineValue is null ? name : throw new CommandUsageException($"--{name} takes no value"));
                continue;
            }

            var value = inlineValue ?? (next.MoveNext() && !next.Current.StartsWith("--", StringComparison.Ordinal)
                ? next.Current
                : throw new CommandUsageException($"--{name} needs a value"));
            parsed.Add(option, value);
        }

        var missing = options.FirstOrDefault(o => o.Required && !parsed.values.ContainsKey(o.Name));
        return parsed.HelpRequested || missing is null ? parsed : throw new CommandUsageException($"--{missing.Name} is required");
    }

    public bool Has(string name) => switches.Contains(name);

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of a required option.</summary>
    public string Single(string name) => All(name) is [var value] ? value : throw new CommandUsageException($"--{name} is required");

    /// <summary>The full path of an existing file given as <paramref name="value"/> for <c>--name</c>.</summary>
    public static string ExistingFile(string name, string value) =>
        File.Exists(value) ? Path.GetFullPath(value) : throw new CommandUsageException($"--{name}: no such file '{value}'");

    /// <summary>The full path of an existing folder given as <paramref name="value"/> for <c>--name</c>.</summary>
    public static string ExistingFolder(string name, string value) =>
        Directory.Exists(value) ? Path.GetFullPath(value) : throw new CommandUsageException($"--{name}: no such folder '{value}'");

    private void Add(CommandOption option, string value)
    {
        if (!values.TryGetValue(option.Name, out var list))
        {
            values[option.Name] = list = [];
        }
        else if (!option.Repeatable)
        {
            throw new CommandUsageException($"--{option.Name} may be given only once");
        }

        list.Add(value);
    }
}
