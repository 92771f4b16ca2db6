namespace FirstLine.KnowledgeBase.Tests.TestSupport;

internal static class Paths
{
    public static string Fixtures(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The sample knowledge base shipped in the repository, found by walking up to Bot.sln.</summary>
    public static string ShippedContent()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "KnowledgeBase", "Content");
    }
}
