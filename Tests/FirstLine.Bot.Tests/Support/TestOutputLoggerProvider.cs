using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// Forwards the in-process server's log into the output of whichever test is currently using it, so a failing
/// real-client test shows the server's side (an exception with its stack) next to the client's.
/// </summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    private readonly object gate = new();
    private readonly ConcurrentQueue<string> lines = new();
    private ITestOutputHelper? output;

    /// <summary>Every line logged so far, for a test that waits until the server says something.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Sends log lines to <paramref name="testOutput"/> until the returned handle is disposed.</summary>
    public IDisposable Attach(ITestOutputHelper testOutput)
    {
        lock (gate)
        {
            output = testOutput;
        }

        return new Detach(this, testOutput);
    }

    public ILogger CreateLogger(string categoryName) => new ForwardingLogger(this, categoryName);

    public void Dispose()
    {
        lock (gate)
        {
            output = null;
        }
    }

    private void Write(string line)
    {
        lines.Enqueue(line);
        lock (gate)
        {
            try
            {
                output?.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished (xunit refuses late output); the line is not needed any more.
                output = null;
            }
        }
    }

    private sealed class Detach(TestOutputLoggerProvider provider, ITestOutputHelper testOutput) : IDisposable
    {
        public void Dispose()
        {
            lock (provider.gate)
            {
                if (ReferenceEquals(provider.output, testOutput))
                {
                    provider.output = null;
                }
            }
        }
    }

    private sealed class ForwardingLogger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"server {logLevel} {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }
    }
}
