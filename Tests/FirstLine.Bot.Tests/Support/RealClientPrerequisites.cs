namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// Node, the npm client packages and Chromium are installed by <c>./test.sh</c>. A missing one FAILS the test
/// (never skips): a green run must mean the real clients really ran, also under <c>CI=true</c>.
/// </summary>
public static class RealClientPrerequisites
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    /// <summary>The node executable, or a failed test naming what is missing.</summary>
    public static string RequireNodeAndPackages()
    {
        var node = FindOnPath("node")
            ?? throw MissingPrerequisite("node is not on PATH");
        foreach (var package in new[] { "botframework-directlinejs", "playwright-core", "ws", "xhr2" })
        {
            var packageJson = Path.Combine(RepositoryPaths.Clients, "node_modules", package, "package.json");
            if (!File.Exists(packageJson))
            {
                throw MissingPrerequisite($"the npm package {package} is not installed in Tests/clients/node_modules");
            }
        }

        return node;
    }

    /// <summary>Everything a Web Chat test needs: node, the packages and Chromium.</summary>
    public static string RequireBrowserClient()
    {
        var node = RequireNodeAndPackages();
        if (!File.Exists(ChromiumPath))
        {
            throw MissingPrerequisite($"Chromium is not installed at {ChromiumPath}");
        }

        return node;
    }

    private static InvalidOperationException MissingPrerequisite(string what) =>
        new($"Real-client test cannot run: {what}. Run ./test.sh from the repository root; it installs node packages (npm ci in Tests/clients) and Chromium (apt).");

    private static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
    }
}
