namespace FirstLine.Dialogs.Support.Desk;

/// <summary>One article or guided flow the bot tried, and how it went.</summary>
/// <param name="ArticleId">the knowledge-base article id</param>
/// <param name="Language"><c>de</c> or <c>en</c></param>
/// <param name="Title">the article title, for the agent</param>
/// <param name="Category">the article category, e.g. <c>network</c></param>
/// <param name="Kind">shown as steps, or walked through as a guided flow</param>
/// <param name="Outcome">what came of it</param>
/// <param name="Steps">the flow questions and the customer's answers, in order; empty for a plain article</param>
public sealed record SolutionAttempt(
    string ArticleId,
    string Language,
    string Title,
    string Category,
    AttemptKind Kind,
    AttemptOutcome Outcome,
    IReadOnlyList<FlowStepAnswer> Steps);

public enum AttemptKind
{
    /// <summary>The article's steps were shown and the customer was asked whether they helped.</summary>
    Article,

    /// <summary>The article's troubleshooting flow was walked through question by question.</summary>
    GuidedFlow,
}

public enum AttemptOutcome
{
    Helped,
    DidNotHelp,

    /// <summary>The guided flow ended in "escalate" with a diagnosis.</summary>
    FlowEscalated,

    /// <summary>The customer left it for something else (a human, another problem, cancel).</summary>
    Abandoned,
}

/// <summary>A question of a guided flow and the answer the customer chose.</summary>
public sealed record FlowStepAnswer(string StepId, string Question, string Answer);
