namespace FirstLine.KnowledgeBase.Articles;

/// <summary>
/// One knowledge-base article. The same topic in German and English shares its <see cref="Id"/>,
/// so an article is identified by <see cref="Key"/> = (language, id).
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }

    /// <summary>Two-letter language code: <c>de</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    /// <summary>Alternate phrasings a customer might use for this topic.</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Ids of related articles in the same language.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The team to escalate to, e.g. <c>accounts</c> or <c>network</c>.</summary>
    public string? Queue { get; init; }

    /// <summary>True when the topic is a request (e.g. new software) rather than a fault.</summary>
    public bool ServiceRequest { get; init; }

    public string? Summary { get; init; }

    /// <summary>The Markdown body, as written.</summary>
    public string Body { get; init; } = "";

    public TroubleshootingFlow? Flow { get; init; }

    /// <summary>The file the article was read from.</summary>
    public string SourcePath { get; init; } = "";

    public ArticleKey Key => new(Language, Id);
}

/// <summary>Identifies an article: the same id exists once per language.</summary>
public readonly record struct ArticleKey(string Language, string Id)
{
    public override string ToString() => $"{Language}/{Id}";
}
