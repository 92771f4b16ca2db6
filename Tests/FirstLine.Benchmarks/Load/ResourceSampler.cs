using System.Diagnostics;

namespace FirstLine.Benchmarks.Load;

/// <summary>
/// Peaks of this process's memory while a scenario runs. Server and clients share the process, so the
/// figures include the harness; the baseline pays the same harness cost, which keeps the comparison fair.
/// </summary>
internal sealed class ResourceSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Process process = Process.GetCurrentProcess();
    private readonly CancellationTokenSource stop = new();
    private readonly TimeSpan cpuAtStart;
    private readonly long allocatedAtStart;
    private readonly int gen2AtStart;
    private readonly long startedAt;
    private readonly Task sampling;

    private ResourceSampler()
    {
        cpuAtStart = process.TotalProcessorTime;
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: false);
        gen2AtStart = GC.CollectionCount(2);
        startedAt = Stopwatch.GetTimestamp();
        Sample();
        sampling = SampleUntilStoppedAsync();
    }

    public long PeakGcHeapBytes { get; private set; }

    public long PeakWorkingSetBytes { get; private set; }

    /// <summary>Thread-pool threads at the peak: growth far past the core count means threads are blocked, not busy.</summary>
    public int PeakPoolThreads { get; private set; }

    /// <summary>
    /// Starts sampling after a full collection, so garbage left by the previous scenario does not count here.
    /// </summary>
    public static ResourceSampler Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new ResourceSampler();
    }

    /// <summary>Stops sampling and returns what the process used since <see cref="Start"/>.</summary>
    public async Task<ResourceUsage> StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        Sample();
        process.Refresh();
        var wall = Stopwatch.GetElapsedTime(startedAt);
        var cpu = process.TotalProcessorTime - cpuAtStart;
        return new ResourceUsage(
            PeakGcHeapBytes,
            PeakWorkingSetBytes,
            PeakPoolThreads,
            cpu.TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9),
            GC.GetTotalAllocatedBytes(precise: false) - allocatedAtStart,
            GC.CollectionCount(2) - gen2AtStart);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await sampling;
        }

        stop.Dispose();
        process.Dispose();
    }

    private async Task SampleUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the last sample is taken by StopAsync.
        }
    }

    private void Sample()
    {
        process.Refresh();
        PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
        PeakGcHeapBytes = Math.Max(PeakGcHeapBytes, GC.GetTotalMemory(forceFullCollection: false));
        PeakPoolThreads = Math.Max(PeakPoolThreads, ThreadPool.ThreadCount);
    }
}

/// <summary>What a scenario cost the process: memory and thread-pool peaks, CPU cores kept busy on average, allocations, full GCs.</summary>
internal sealed record ResourceUsage(long PeakGcHeapBytes, long PeakWorkingSetBytes, int PeakPoolThreads, double CpuCoresBusy, long AllocatedBytes, int Gen2Collections);
