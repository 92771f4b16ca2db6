using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FirstLine.Benchmarks.Servers;

/// <summary>
/// Replaces the host's console logging: the table goes to stdout, and a server under load would bury it.
/// Warnings and errors are counted and the first few kept, because they are the evidence when the
/// server is slow (e.g. SQLite "database is locked").
/// </summary>
internal sealed class ServerLogCounter : ILoggerProvider
{
    private const int KeptSamples = 5;

    private readonly ConcurrentQueue<string> samples = new();
    private int warnings;
    private int errors;
    private int expected;

    public int Warnings => Volatile.Read(ref warnings);

    public int Errors => Volatile.Read(ref errors);

    public IReadOnlyCollection<string> Samples => samples;

    /// <summary>Warnings and errors a benchmark provokes on purpose (<see cref="IsExpected"/>): counted apart, not sampled.</summary>
    public int ExpectedWarningsAndErrors => Volatile.Read(ref expected);

    /// <summary>Which warnings and errors (by logger category and message) the benchmark causes on purpose; none by default.</summary>
    public Func<string, string, bool> IsExpected { get; set; } = (_, _) => false;

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    public void Dispose()
    {
        // Nothing to flush: everything is kept in memory for the report.
    }

    private void Record(LogLevel level, string category, string message, Exception? exception)
    {
        if (IsExpected(category, message))
        {
            Interlocked.Increment(ref expected);
            return;
        }

        Interlocked.Increment(ref level >= LogLevel.Error ? ref errors : ref warnings);
        if (samples.Count < KeptSamples)
        {
            var cause = exception is null ? string.Empty : $" — {exception.GetType().Name}: {Innermost(exception).Message}";
            samples.Enqueue($"{level} {category}: {message}{cause}");
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private sealed class CountingLogger(ServerLogCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
