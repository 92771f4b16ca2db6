namespace FirstLine.Benchmarks.KbSearch;

/// <summary>The command line of the <c>kb-search</c> mode: <c>--articles 10000 --queries 2000 --rounds 5 --seed 7 --out kb.md</c>.</summary>
internal sealed record KbSearchOptions(int Articles, int Queries, int Rounds, int Seed, string? OutputFile)
{
    public const string Usage =
        "usage: FirstLine.Benchmarks kb-search [--articles N=10000] [--queries Q=2000] [--rounds R=5] [--seed S=7] [--out FILE.md]";

    /// <summary>Accepts <c>--key value</c> and <c>--key=value</c>; throws <see cref="ArgumentException"/> on anything else.</summary>
    public static KbSearchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new KbSearchOptions(10_000, 2_000, 5, 7, null);
        foreach (var (key, value) in BenchmarkCommandLine.Pairs(args))
        {
            options = key switch
            {
                "--articles" => options with { Articles = BenchmarkCommandLine.Positive(key, value) },
                "--queries" => options with { Queries = BenchmarkCommandLine.Positive(key, value) },
                "--rounds" => options with { Rounds = BenchmarkCommandLine.Positive(key, value) },
                "--seed" => options with { Seed = BenchmarkCommandLine.Positive(key, value) },
                "--out" => options with { OutputFile = value },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        return options;
    }
}
