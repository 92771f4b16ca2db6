namespace FirstLine.KnowledgeBase.Language;

/// <summary>Reads a customer's text: language, sentiment, key phrases and personal data with redaction.</summary>
public interface ITextAnalyzer
{
    /// <summary>Longest text analysed at once (the Azure AI Language limit for one document).</summary>
    const int MaxTextLength = 5120;

    /// <param name="text">the customer's text</param>
    /// <param name="languageHint"><c>de</c>, <c>en</c>, … when known; null to detect</param>
    /// <param name="ct">cancels the analysis</param>
    /// <exception cref="ArgumentException">the text is empty or longer than <see cref="MaxTextLength"/></exception>
    /// <exception cref="TextAnalysisException">the analysis service failed</exception>
    Task<TextAnalysis> AnalyzeAsync(string text, string? languageHint, CancellationToken ct);

    /// <summary>Only the language, cheaper than a full analysis.</summary>
    /// <param name="text">the customer's text</param>
    /// <param name="ct">cancels the detection</param>
    Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct);
}
