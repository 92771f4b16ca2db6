namespace FirstLine.KnowledgeBase.Language;

/// <summary>Text analysis failed: the service refused the request, was unreachable or answered nonsense.</summary>
public class TextAnalysisException : Exception
{
    public TextAnalysisException() { }

    public TextAnalysisException(string message) : base(message) { }

    public TextAnalysisException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The HTTP status of a failed service call, when there was one.</summary>
    public int? Status { get; init; }

    /// <summary>The service's error code, e.g. <c>InvalidRequest</c> or <c>401</c>.</summary>
    public string? ErrorCode { get; init; }
}
