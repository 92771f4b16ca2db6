namespace FirstLine.KnowledgeBase.Language.Local;

/// <summary>The offline analyzer: everything it needs ships inside the assembly; no data leaves the machine.</summary>
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    private readonly LanguageDetector detector = LanguageDetector.Default;

    public Task<TextAnalysis> AnalyzeAsync(string text, string? languageHint, CancellationToken ct)
    {
        AnalysisInput.Validate(text);
        ct.ThrowIfCancellationRequested();
        var detected = detector.Detect(text);
        var language = detected.IsUnknown && languageHint is not null ? new DetectedLanguage(languageHint, 0) : detected;
        var lexiconLanguage = languageHint ?? (detected.IsUnknown ? "en" : detected.Code);
        var entities = PiiRecognizer.Recognize(text);
        return Task.FromResult(new TextAnalysis(
            language,
            SentimentScorer.Score(text, lexiconLanguage),
            // Personal data is cut out before looking for key phrases, which are logged and shown to agents.
            KeyPhraseExtractor.Extract(Redactor.Redact(text, entities, _ => ". "), lexiconLanguage),
            entities,
            Redactor.Redact(text, entities)));
    }

    public Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct)
    {
        AnalysisInput.Validate(text);
        return Task.FromResult(detector.Detect(text));
    }
}
