namespace FirstLine.KnowledgeBase.Articles;

/// <summary>A guided diagnosis: question steps with answers that branch, ending in solved or escalate.</summary>
public sealed record TroubleshootingFlow(string Start, IReadOnlyList<FlowStep> Steps)
{
    private readonly Dictionary<string, FlowStep> byId = Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public FlowStep StartStep => Step(Start);

    /// <summary>The step with this id; the flow was validated at load, so a missing id is a caller error.</summary>
    public FlowStep Step(string id) =>
        byId.TryGetValue(id, out var step)
            ? step
            : throw new KnowledgeBaseException($"The flow has no step '{id}'.");
}

/// <summary>Either a question (<see cref="Ask"/> with <see cref="Answers"/>) or an end (<see cref="Outcome"/>).</summary>
public sealed record FlowStep
{
    public required string Id { get; init; }

    /// <summary>Text shown before the question or as the closing words of an end.</summary>
    public string? Say { get; init; }

    public string? Ask { get; init; }

    public IReadOnlyList<FlowAnswer> Answers { get; init; } = [];

    public FlowOutcome? Outcome { get; init; }

    /// <summary>What the bot found out, handed to the human team on escalation.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>Priority hint P1–P4 for an escalation.</summary>
    public string? Priority { get; init; }

    /// <summary>Overrides the article's queue for this escalation.</summary>
    public string? Queue { get; init; }

    public bool IsEnd => Outcome is not null;
}

public sealed record FlowAnswer(string Text, string Goto);

public enum FlowOutcome
{
    Solved,
    Escalate,
}
