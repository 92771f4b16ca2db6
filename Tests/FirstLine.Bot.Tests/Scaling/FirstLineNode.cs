using System.Collections.Concurrent;
using System.Diagnostics;
using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// One FirstLine node in a process of its own (<c>dotnet Bot/bin/&lt;config&gt;/net10.0/FirstLine.Bot.dll</c>, the real
/// support bot), configured on its command line like an operator would (<c>--Section:Key=value</c>), on a loopback
/// port. It can be killed without warning, as a crashed machine would be, and started again.
/// </summary>
public sealed class FirstLineNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly IReadOnlyList<string> settings;
    private readonly TestOutputLoggerProvider log = new();
    private readonly ConcurrentQueue<string> lines = new();
    private Process? process;

    public FirstLineNode(string name, int port, IReadOnlyList<string> settings)
    {
        Name = name;
        Port = port;
        this.settings = settings;
    }

    public string Name { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every line the node's process printed so far (all its runs), for tests that read its log.</summary>
    public IReadOnlyCollection<string> Output => lines;

    /// <summary>The built host next to this test assembly's configuration (Release under ./test.sh).</summary>
    public static string BotAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "Bot", "bin", configuration, "net10.0", "FirstLine.Bot.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing; build Bot.sln (-c {configuration}) first.");
        }
    }

    /// <summary>The node's log (stdout and stderr) goes to <paramref name="output"/> until the handle is disposed.</summary>
    public IDisposable Attach(ITestOutputHelper output) => log.Attach(output);

    /// <summary>
    /// Runs <c>FirstLine.Bot.dll</c> with <paramref name="arguments"/> (a command) against the same settings, given as
    /// environment variables (<c>Section__Key</c>) as commands read them; returns its output.
    /// </summary>
    public async Task<string> RunCommandAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = StartInfo(arguments);
        foreach (var setting in settings)
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            startInfo.Environment[setting[2..separator].Replace(":", "__", StringComparison.Ordinal)] = setting[(separator + 1)..];
        }

        using var command = Process.Start(startInfo)!;
        var output = command.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = command.StandardError.ReadToEndAsync(cancellationToken);
        await command.WaitForExitAsync(cancellationToken);
        return command.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"FirstLine.Bot {string.Join(' ', arguments)} exited with {command.ExitCode}: {await error}{await output}");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Process.Start(StartInfo(["--urls", BaseUrl, .. settings]))!;
        process = started;
        started.OutputDataReceived += (_, e) => Write(e.Data);
        started.ErrorDataReceived += (_, e) => Write(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"FirstLine node {Name} exited with {started.ExitCode} while starting; its log is in the test output.");
            }

            if (await AnswersAsync(cancellationToken))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"FirstLine node {Name} did not answer on {BaseUrl} within {StartTimeout}.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Waits until the node has logged a line containing <paramref name="text"/> (since it was created) and returns it.</summary>
    public async Task<string> WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (process is null or { HasExited: true } || DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"FirstLine node {Name} did not log '{text}' within {timeout} (running: {process is { HasExited: false }}); its log is in the test output.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once (SIGKILL): no shutdown, no goodbye to open streams, as a crash.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync(CancellationToken.None);
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        log.Dispose();
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BotAssembly)!,
        };
        startInfo.ArgumentList.Add(BotAssembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Logging__LogLevel__FirstLine"] = "Information";

        return startInfo;
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"{BaseUrl}/"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            log.CreateLogger(Name).Log(Microsoft.Extensions.Logging.LogLevel.Information, 0, line, null, (s, _) => s);
        }
    }
}
