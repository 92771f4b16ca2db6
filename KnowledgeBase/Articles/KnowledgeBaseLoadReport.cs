namespace FirstLine.KnowledgeBase.Articles;

/// <summary>What the last load read: how many articles are served, which files were refused and why.</summary>
public sealed record KnowledgeBaseLoadReport(
    string Folder,
    DateTimeOffset LoadedAt,
    int ArticleCount,
    IReadOnlyList<LoadProblem> Problems,
    IReadOnlyList<LoadProblem> Warnings)
{
    public static KnowledgeBaseLoadReport None { get; } = new("", DateTimeOffset.MinValue, 0, [], []);

    public bool IsClean => Problems.Count == 0;
}

/// <summary>A file and what is wrong with it.</summary>
public sealed record LoadProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
