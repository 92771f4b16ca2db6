namespace FirstLine.KnowledgeBase.Articles;

// Shapes YamlDotNet fills from an article's front matter. Everything is nullable so that a missing key
// becomes a clear "missing required key" message instead of a deserializer error.

internal sealed class FrontMatter
{
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "language", "title", "category", "questions", "tags", "related", "queue", "serviceRequest", "summary", "flow",
    };

    public string? Id { get; set; }

    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Category { get; set; }

    public List<string?>? Questions { get; set; }

    public List<string?>? Tags { get; set; }

    public List<string?>? Related { get; set; }

    public string? Queue { get; set; }

    public bool? ServiceRequest { get; set; }

    public string? Summary { get; set; }

    public FlowFrontMatter? Flow { get; set; }
}

internal sealed class FlowFrontMatter
{
    public string? Start { get; set; }

    public List<FlowStepFrontMatter?>? Steps { get; set; }
}

internal sealed class FlowStepFrontMatter
{
    public string? Id { get; set; }

    public string? Say { get; set; }

    public string? Ask { get; set; }

    public List<FlowAnswerFrontMatter?>? Answers { get; set; }

    public string? Outcome { get; set; }

    public string? Diagnosis { get; set; }

    public string? Priority { get; set; }

    public string? Queue { get; set; }
}

internal sealed class FlowAnswerFrontMatter
{
    public string? Text { get; set; }

    public string? Goto { get; set; }
}
