using System.Globalization;

namespace FirstLine.Benchmarks.ScaleOut;

/// <summary>
/// <c>scale-out --postgres CONNECTION --redis HOST:PORT</c> plus the Direct Line options (<c>--conversations</c>,
/// <c>--messages</c>, <c>--warmup</c>, <c>--timeout</c>, <c>--turn-timeout</c>, <c>--out</c>) and <c>--rounds R</c>: how many
/// times each scenario runs, in the order one, two, two, one, … so that a drift of the machine over the run (a warming
/// database, another process) does not favour whichever scenario happens to run first. PostgreSQL and Redis
/// default to the test servers of <c>Tests/scripts/test-servers.sh</c> (<c>FIRSTLINE_TEST_POSTGRES</c>, <c>FIRSTLINE_TEST_REDIS</c>).
/// </summary>
internal sealed record ScaleOutOptions(string Postgres, string Redis, int Rounds, BenchmarkOptions Load)
{
    public const string Usage =
        "usage: FirstLine.Benchmarks scale-out [--postgres CONNECTION=$FIRSTLINE_TEST_POSTGRES] [--redis HOST:PORT=$FIRSTLINE_TEST_REDIS] [--rounds R=2] "
        + "[--conversations N=200] [--messages M=5] [--warmup W=20] [--timeout SECONDS=300] [--turn-timeout SECONDS=30] [--out FILE.md]";

    public static ScaleOutOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var postgres = Environment.GetEnvironmentVariable("FIRSTLINE_TEST_POSTGRES") is { Length: > 0 } pg
            ? pg
            : "Host=127.0.0.1;Port=5433;Username=firstline;Password=firstline;Database=firstline";
        var redis = Environment.GetEnvironmentVariable("FIRSTLINE_TEST_REDIS") is { Length: > 0 } r ? r : "127.0.0.1:6390";
        var rounds = 2;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--postgres" or "--redis" or "--rounds")
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"option '{args[i]}' needs a value");
                }

                var value = args[i + 1];
                postgres = args[i] == "--postgres" ? value : postgres;
                redis = args[i] == "--redis" ? value : redis;
                rounds = args[i] == "--rounds" ? ParseRounds(value) : rounds;
                i++;
                continue;
            }

            rest.Add(args[i]);
        }

        return new ScaleOutOptions(postgres, redis, rounds, BenchmarkOptions.Parse(rest));
    }

    private static int ParseRounds(string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : throw new ArgumentException("--rounds must be at least 1");
}
