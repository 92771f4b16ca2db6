using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Support;

/// <summary>Runs the node scripts in <c>Tests/clients</c> against a <see cref="FirstLineServer"/> and judges their outcome.</summary>
public static partial class RealClientRunner
{
    private static readonly TimeSpan DirectLineTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan WebChatTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the <c>describe</c> block <paramref name="suite"/> of <c>directline.test.mjs</c> with node's test runner.</summary>
    public static async Task RunDirectLineSuiteAsync(FirstLineServer server, string suite, ITestOutputHelper output, CancellationToken cancellationToken = default)
    {
        var node = RealClientPrerequisites.RequireNodeAndPackages();
        using var serverLog = server.Log.Attach(output);
        var result = await NodeProcess.RunAsync(
            node,
            ["--test", "--test-reporter=spec", $"--test-name-pattern=^{Regex.Escape(suite)}", "directline.test.mjs"],
            EnvironmentFor(server),
            output,
            DirectLineTimeout,
            cancellationToken: cancellationToken);

        Assert.False(result.TimedOut, $"node --test did not finish within {DirectLineTimeout}");
        Assert.True(result.ExitCode == 0, $"node --test exited with {result.ExitCode}; its output is above");
        // A name pattern that matches nothing also exits 0: insist that tests ran.
        Assert.True(Count(result.Output, "pass") > 0, $"no DirectLineJS test in suite \"{suite}\" ran");
        Assert.Equal(0, Count(result.Output, "fail"));
    }

    /// <summary>Runs one phase of <c>webchat.mjs</c> (Web Chat in Chromium) and asserts it passed.</summary>
    public static async Task RunWebChatPhaseAsync(FirstLineServer server, string phase, string? userDataDirectory, ITestOutputHelper output, CancellationToken cancellationToken = default)
    {
        var node = RealClientPrerequisites.RequireBrowserClient();
        using var serverLog = server.Log.Attach(output);
        List<string> arguments = ["webchat.mjs", phase];
        if (userDataDirectory is not null)
        {
            arguments.AddRange(["--user-data-dir", userDataDirectory]);
        }

        var result = await NodeProcess.RunAsync(node, arguments, EnvironmentFor(server), output, WebChatTimeout, cancellationToken: cancellationToken);

        Assert.False(result.TimedOut, $"webchat.mjs {phase} did not finish within {WebChatTimeout}");
        Assert.True(result.ExitCode == 0, $"webchat.mjs {phase} exited with {result.ExitCode}; its output (and a screenshot path) is above");
    }

    /// <summary>
    /// Runs <c>directline-restart.mjs</c>: a DirectLineJS client stays connected while the server restarts when the
    /// script asks for it, and must reconnect by itself and lose nothing.
    /// </summary>
    public static async Task RunDirectLineThroughRestartAsync(FirstLineServer server, ITestOutputHelper output, CancellationToken cancellationToken = default)
    {
        var node = RealClientPrerequisites.RequireNodeAndPackages();
        using var serverLog = server.Log.Attach(output);
        var restart = new NodeHandshake(
            "FIRSTLINE:RESTART-NOW",
            async ct =>
            {
                output.WriteLine($"restarting FirstLine on {server.BaseUrl} with data in {server.DataDirectory}");
                await server.RestartAsync(ct);
            },
            "RESTARTED");
        var result = await NodeProcess.RunAsync(node, ["directline-restart.mjs"], EnvironmentFor(server), output, DirectLineTimeout, restart, cancellationToken);

        Assert.False(result.TimedOut, $"directline-restart.mjs did not finish within {DirectLineTimeout}");
        Assert.Contains("FIRSTLINE:RESTART-NOW", result.Output, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, $"directline-restart.mjs exited with {result.ExitCode}; its output is above");
    }

    private static Dictionary<string, string> EnvironmentFor(FirstLineServer server) => new()
    {
        ["FIRSTLINE_URL"] = server.BaseUrl,
        ["FIRSTLINE_SECRET"] = server.Secret,
        ["CHROMIUM_PATH"] = RealClientPrerequisites.ChromiumPath,
        ["NO_COLOR"] = "1",
    };

    /// <summary>Reads node's summary lines (<c>ℹ pass 3</c> from the spec reporter, <c># pass 3</c> from TAP).</summary>
    private static int Count(string output, string what)
    {
        var match = SummaryLine().Matches(output).LastOrDefault(m => m.Groups["what"].Value == what);
        return match is null ? 0 : int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:ℹ|#) (?<what>pass|fail) (?<count>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
