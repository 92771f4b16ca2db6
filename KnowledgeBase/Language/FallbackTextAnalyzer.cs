using Microsoft.Extensions.Logging;

namespace FirstLine.KnowledgeBase.Language;

/// <summary>Asks the primary analyzer (Azure) and, when it fails, the local one, saying so in the log.</summary>
public sealed class FallbackTextAnalyzer(ITextAnalyzer primary, ITextAnalyzer fallback, ILogger<FallbackTextAnalyzer> logger) : ITextAnalyzer
{
    public async Task<TextAnalysis> AnalyzeAsync(string text, string? languageHint, CancellationToken ct)
    {
        try
        {
            return await primary.AnalyzeAsync(text, languageHint, ct);
        }
        catch (TextAnalysisException e)
        {
            logger.LogWarning(e, "Text analysis failed (HTTP {Status}, {ErrorCode}); using the local analyzer instead", e.Status, e.ErrorCode);
            return await fallback.AnalyzeAsync(text, languageHint, ct);
        }
    }

    public async Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct)
    {
        try
        {
            return await primary.DetectLanguageAsync(text, ct);
        }
        catch (TextAnalysisException e)
        {
            logger.LogWarning(e, "Language detection failed (HTTP {Status}, {ErrorCode}); using the local analyzer instead", e.Status, e.ErrorCode);
            return await fallback.DetectLanguageAsync(text, ct);
        }
    }
}
