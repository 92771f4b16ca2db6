using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Language.Azure;
using FirstLine.KnowledgeBase.Language.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace FirstLine.KnowledgeBase.Tests.Language.Azure;

public sealed class AzureTextAnalyzerTests : IAsyncLifetime
{
    private const string Text = "Mein Drucker ist schon wieder kaputt. Mail: max@example.com";
    private LoopbackLanguageService service = null!;

    public async Task InitializeAsync() => service = await LoopbackLanguageService.StartAsync();

    public async Task DisposeAsync() => await service.DisposeAsync();

    private AzureTextAnalyzer Analyzer(TimeSpan? timeout = null) => new(new AzureLanguageOptions
    {
        Endpoint = service.Endpoint,
        Key = "test-key",
        MaxRetries = 2,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    });

    [Fact]
    public async Task Analysis_reads_all_four_tasks_from_the_service()
    {
        var analysis = await Analyzer().AnalyzeAsync(Text, null, CancellationToken.None);

        Assert.Equal(new DetectedLanguage("de", 0.98), analysis.Language);
        Assert.Equal(SentimentLabel.Negative, analysis.Sentiment.Label);
        Assert.Equal(0.9, analysis.Sentiment.Scores.Negative);
        Assert.Single(analysis.Sentiment.Sentences);
        Assert.Equal(["Drucker", "Mail"], analysis.KeyPhrases);
        var email = Assert.Single(analysis.PiiEntities);
        Assert.Equal(("Email", "max@example.com", 44, 15), (email.Category, email.Text, email.Offset, email.Length));
        Assert.Equal("Mein Drucker ist schon wieder kaputt. Mail: [EMAIL]", analysis.RedactedText);
    }

    [Fact]
    public async Task Requests_carry_the_key_the_api_version_and_utf16_offsets()
    {
        await Analyzer().AnalyzeAsync(Text, null, CancellationToken.None);

        var requests = service.Received.ToList();
        Assert.Equal(["KeyPhraseExtraction", "LanguageDetection", "PiiEntityRecognition", "SentimentAnalysis"], requests.Select(r => r.Kind).Order());
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/language/:analyze-text?api-version=2023-04-01", r.PathAndQuery);
            Assert.Equal("test-key", r.Key);
            Assert.Equal(Text, r.Body.GetProperty("analysisInput").GetProperty("documents")[0].GetProperty("text").GetString());
        });
        var pii = requests.Single(r => r.Kind == "PiiEntityRecognition");
        Assert.Equal("Utf16CodeUnit", pii.Body.GetProperty("parameters").GetProperty("stringIndexType").GetString());
        Assert.Equal("de", pii.Body.GetProperty("analysisInput").GetProperty("documents")[0].GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        service.Script(429, LoopbackLanguageService.Fixture("429.json"), retryAfter: "1");
        var started = DateTime.UtcNow;

        var language = await Analyzer().DetectLanguageAsync(Text, CancellationToken.None);

        Assert.Equal("de", language.Code);
        Assert.Equal(2, service.Received.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_key_is_not_retried_and_says_what_to_check(int status)
    {
        service.Script(status, LoopbackLanguageService.Fixture("401.json").Replace("\"401\"", $"\"{status}\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<TextAnalysisException>(() => Analyzer().DetectLanguageAsync(Text, CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ErrorCode);
        Assert.Single(service.Received);
    }

    [Fact]
    public async Task A_500_that_persists_fails_after_the_retries()
    {
        for (var i = 0; i < 3; i++)
        {
            service.Script(500, """{"error":{"code":"InternalServerError","message":"Internal error."}}""");
        }

        var error = await Assert.ThrowsAsync<TextAnalysisException>(() => Analyzer().DetectLanguageAsync(Text, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.Equal(3, service.Received.Count);
    }

    [Fact]
    public async Task A_per_document_error_names_the_inner_reason()
    {
        service.Script(200, LoopbackLanguageService.Fixture("document-error.json"));

        var error = await Assert.ThrowsAsync<TextAnalysisException>(() => Analyzer().DetectLanguageAsync(Text, CancellationToken.None));

        Assert.Equal("InvalidArgument", error.ErrorCode);
        Assert.Contains("Document text is empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_error()
    {
        service.Script(200, "{ this is not json");

        var error = await Assert.ThrowsAsync<TextAnalysisException>(() => Analyzer().DetectLanguageAsync(Text, CancellationToken.None));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_service_times_out()
    {
        service.Delay = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAsync<TextAnalysisException>(() => Analyzer(TimeSpan.FromMilliseconds(200)).DetectLanguageAsync(Text, CancellationToken.None));
    }

    [Fact]
    public async Task The_fallback_uses_the_local_analyzer_when_Azure_fails()
    {
        for (var i = 0; i < 3; i++)
        {
            service.Script(503, """{"error":{"code":"ServiceUnavailable","message":"Try later."}}""");
        }

        var analyzer = new FallbackTextAnalyzer(Analyzer(), new LocalTextAnalyzer(), NullLogger<FallbackTextAnalyzer>.Instance);
        var analysis = await analyzer.AnalyzeAsync(Text, null, CancellationToken.None);

        Assert.Equal("de", analysis.Language.Code);
        Assert.Equal("Mein Drucker ist schon wieder kaputt. Mail: [EMAIL]", analysis.RedactedText);
    }
}
