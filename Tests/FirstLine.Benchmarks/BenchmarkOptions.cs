using System.Globalization;

namespace FirstLine.Benchmarks;

/// <summary>
/// The command line: <c>--conversations 200 --messages 5 --warmup 20 --timeout 300 --turn-timeout 30 --out bench.md</c>.
/// <c>--baseline-rounds</c> lets each echo connection send its M messages R times: the echo is so fast that one
/// round of N × M turns lasts about a tenth of a second, too short to be stable against timer and scheduler noise.
/// </summary>
internal sealed record BenchmarkOptions(
    int Conversations,
    int Messages,
    int WarmupConversations,
    int BaselineRounds,
    TimeSpan TotalTimeout,
    TimeSpan TurnTimeout,
    string? OutputFile,
    bool SqlProfile)
{
    public const string Usage =
        "usage: FirstLine.Benchmarks [--conversations N=200] [--messages M=5] [--warmup W=20] [--baseline-rounds R=5] "
        + "[--timeout SECONDS=300] [--turn-timeout SECONDS=30] [--out FILE.md] [--sql-profile]";

    public static BenchmarkOptions Default { get; } = new(200, 5, 20, 5, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(30), null, SqlProfile: false);

    /// <summary>Accepts <c>--key value</c> and <c>--key=value</c>; throws <see cref="ArgumentException"/> on anything else.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--sql-profile")
            {
                options = options with { SqlProfile = true };
                continue;
            }

            var (key, value) = Split(args, ref i);
            options = key switch
            {
                "--conversations" => options with { Conversations = Positive(key, value) },
                "--messages" => options with { Messages = Positive(key, value) },
                "--warmup" => options with { WarmupConversations = NonNegative(key, value) },
                "--baseline-rounds" => options with { BaselineRounds = Positive(key, value) },
                "--timeout" => options with { TotalTimeout = TimeSpan.FromSeconds(Positive(key, value)) },
                "--turn-timeout" => options with { TurnTimeout = TimeSpan.FromSeconds(Positive(key, value)) },
                "--out" => options with { OutputFile = value },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        return options;
    }

    private static (string Key, string Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"unexpected argument '{arg}'");
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"option '{arg}' needs a value");
        }

        i++;
        return (arg, args[i]);
    }

    private static int Positive(string key, string value) =>
        NonNegative(key, value) is > 0 and var parsed ? parsed : throw new ArgumentException($"{key} must be at least 1");

    private static int NonNegative(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ArgumentException($"{key} needs a whole number, not '{value}'");
}
