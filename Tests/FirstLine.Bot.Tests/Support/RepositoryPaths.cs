namespace FirstLine.Bot.Tests.Support;

/// <summary>Finds files of the repository from wherever the test assembly runs (bin/Release/net10.0).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>Bot.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The npm project with the real-client scripts (<c>Tests/clients</c>).</summary>
    public static string Clients => Path.Combine(Root, "Tests", "clients");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
