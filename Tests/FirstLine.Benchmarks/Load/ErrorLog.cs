using System.Collections.Concurrent;

namespace FirstLine.Benchmarks.Load;

/// <summary>Counts failures and keeps the first few distinct ones, which is what a reader needs to start digging.</summary>
internal sealed class ErrorLog
{
    private const int KeptSamples = 5;

    private readonly ConcurrentDictionary<string, int> distinct = new(StringComparer.Ordinal);
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>The first distinct failures, each with how often it happened.</summary>
    public IReadOnlyList<string> Samples => [.. distinct.Select(e => $"{e.Value}× {e.Key}")];

    public void Add(string phase, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Interlocked.Increment(ref count);
        var key = $"{phase}: {exception.GetType().Name}: {Shorten(exception.Message)}";
        if (distinct.ContainsKey(key) || distinct.Count < KeptSamples)
        {
            distinct.AddOrUpdate(key, 1, (_, seen) => seen + 1);
        }
    }

    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300] + "…";
}
