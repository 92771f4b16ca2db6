using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Support;

/// <summary>The outcome of one node run: its exit code and everything it printed.</summary>
public sealed record NodeRunResult(int ExitCode, string Output, bool TimedOut);

/// <summary>Runs a node script and streams its output line by line into the test's output.</summary>
public static class NodeProcess
{
    public static async Task<NodeRunResult> RunAsync(
        string node,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        ITestOutputHelper output,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepositoryPaths.Clients,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var transcript = new StringBuilder();
        void Record(string prefix, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (transcript)
            {
                transcript.AppendLine(line);
                try
                {
                    output.WriteLine(prefix + line);
                }
                catch (InvalidOperationException)
                {
                    // xunit refuses output after the test ended; an exception here would crash the test host.
                }
            }
        }

        output.WriteLine($"$ node {string.Join(' ', startInfo.ArgumentList)}");
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Record(string.Empty, e.Data);
        process.ErrorDataReceived += (_, e) => Record("stderr: ", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung browser or client must not hang the whole test run; kill Chromium with it.
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            output.WriteLine($"node was killed after {timeout.TotalSeconds:0} s");
        }

        // WaitForExitAsync returns once the redirected streams are drained, so no line arrives after this.
        string text;
        lock (transcript)
        {
            text = transcript.ToString();
        }

        return new NodeRunResult(timedOut ? -1 : process.ExitCode, text, timedOut);
    }
}
