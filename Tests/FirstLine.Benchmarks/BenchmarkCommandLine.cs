using System.Globalization;

namespace FirstLine.Benchmarks;

/// <summary>What every benchmark mode does with its command line and with its Markdown table.</summary>
internal static class BenchmarkCommandLine
{
    /// <summary>Runs <paramref name="parse"/>; on bad arguments says why and how to call it (stderr) and returns null, exit code 2.</summary>
    public static async Task<T?> ParseAsync<T>(Func<T> parse, string usage)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(usage);
            return null;
        }
    }

    /// <summary>The options as <c>--key value</c> or <c>--key=value</c> pairs; throws <see cref="ArgumentException"/> for a key without value.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            yield return equals > 0 ? (arg[..equals], arg[(equals + 1)..])
                : i + 1 < args.Count ? (arg, args[++i])
                : throw new ArgumentException($"option '{arg}' needs a value");
        }
    }

    public static int Positive(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{key} needs a whole number of at least 1, not '{value}'");

    /// <summary>The table goes to stdout, and to <paramref name="file"/> (<c>--out</c>) when given.</summary>
    public static async Task WriteAsync(string markdown, string? file)
    {
        Console.Out.Write(markdown);
        if (file is { Length: > 0 })
        {
            await File.WriteAllTextAsync(file, markdown, CancellationToken.None);
            await Console.Error.WriteLineAsync($"written to {Path.GetFullPath(file)}");
        }
    }
}
