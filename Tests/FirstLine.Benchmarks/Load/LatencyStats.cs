namespace FirstLine.Benchmarks.Load;

/// <summary>Percentiles of a set of latencies (nearest rank, so p99 of 1,000 turns is the 990th fastest).</summary>
internal sealed class LatencyStats
{
    private readonly double[] sortedMilliseconds;

    public LatencyStats(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        sortedMilliseconds = [.. latencies.Select(l => l.TotalMilliseconds).Order()];
    }

    public int Count => sortedMilliseconds.Length;

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => Count == 0 ? double.NaN : sortedMilliseconds[^1];

    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * Count);
        return sortedMilliseconds[Math.Clamp(rank, 1, Count) - 1];
    }
}
