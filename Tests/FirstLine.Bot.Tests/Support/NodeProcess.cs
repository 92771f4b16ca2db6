using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Support;

/// <summary>The outcome of one node run: its exit code and everything it printed.</summary>
public sealed record NodeRunResult(int ExitCode, string Output, bool TimedOut);

/// <summary>
/// A pause the script asks for: when it prints <see cref="Signal"/> on a line of its own, the test runs
/// <see cref="ActAsync"/> (e.g. restarts the server) and then writes <see cref="Reply"/> to the script's stdin.
/// </summary>
public sealed record NodeHandshake(string Signal, Func<CancellationToken, Task> ActAsync, string Reply);

/// <summary>Runs a node script and streams its output line by line into the test's output.</summary>
public static class NodeProcess
{
    public static async Task<NodeRunResult> RunAsync(
        string node,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        ITestOutputHelper output,
        TimeSpan timeout,
        NodeHandshake? handshake = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepositoryPaths.Clients,
            RedirectStandardInput = true,
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
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Record(string prefix, string? line)
        {
            if (line is null)
            {
                return;
            }

            if (handshake is not null && line.Trim() == handshake.Signal)
            {
                signalled.TrySetResult();
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
        if (handshake is null)
        {
            // Nothing to say: an open stdin would only let a script wait forever.
            process.StandardInput.Close();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            var exited = process.WaitForExitAsync(deadline.Token);
            if (handshake is not null && await Task.WhenAny(exited, signalled.Task) == signalled.Task)
            {
                await handshake.ActAsync(deadline.Token);
                await process.StandardInput.WriteLineAsync(handshake.Reply.AsMemory(), deadline.Token);
                await process.StandardInput.FlushAsync(deadline.Token);
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            // A hung browser or client must not hang the whole test run; kill Chromium with it.
            timedOut = true;
            await KillAsync(process);
            output.WriteLine($"node was killed after {timeout.TotalSeconds:0} s");
        }
        catch
        {
            // The handshake's action failed (e.g. the server did not come back): stop the script, report the cause.
            await KillAsync(process);
            throw;
        }

        // WaitForExitAsync returns once the redirected streams are drained, so no line arrives after this.
        string text;
        lock (transcript)
        {
            text = transcript.ToString();
        }

        return new NodeRunResult(timedOut ? -1 : process.ExitCode, text, timedOut);
    }

    private static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
    }
}
