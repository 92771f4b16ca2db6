namespace FirstLine.Dialogs.Support.Desk;

/// <summary>The article that solved the request at level 1.</summary>
public sealed record FirstLevelResolution(string ArticleId, string Language, string Title);

/// <summary>The customer's rating, 1 (poor) to 5 (excellent), and an optional comment (redacted).</summary>
public sealed record SatisfactionFeedback(int Rating, string? Comment);
