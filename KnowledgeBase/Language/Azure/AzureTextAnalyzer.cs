using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FirstLine.KnowledgeBase.Language.Azure;

/// <summary>
/// Azure AI Language over its REST API (<c>POST {endpoint}/language/:analyze-text</c>) on Azure.Core's
/// pipeline: key header, retries of 429/5xx honouring <c>Retry-After</c>, no retry of 401/403.
/// Every failure surfaces as a <see cref="TextAnalysisException"/> with status and service error code.
/// </summary>
public sealed class AzureTextAnalyzer : ITextAnalyzer
{
    private readonly HttpPipeline pipeline;
    private readonly Uri requestUri;

    /// <param name="options">endpoint, key, API version, retries and timeout</param>
    /// <param name="transport">the HTTP transport; tests pass one, production uses Azure.Core's default</param>
    public AzureTextAnalyzer(AzureLanguageOptions options, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null || string.IsNullOrWhiteSpace(options.Key))
        {
            throw new ArgumentException("TextAnalytics:Azure:Endpoint and TextAnalytics:Azure:Key are required for the Azure analyzer.", nameof(options));
        }

        var clientOptions = new AzureLanguageClientOptions(options);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        pipeline = HttpPipelineBuilder.Build(clientOptions, new SubscriptionKeyPolicy(new AzureKeyCredential(options.Key)));
        requestUri = new Uri(options.Endpoint, $"language/:analyze-text?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    public async Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken ct)
    {
        AnalysisInput.Validate(text);
        var document = await AnalyzeDocumentAsync("LanguageDetection", new { modelVersion = "latest" }, new { id = "1", text }, ct);
        var detected = document.GetProperty("detectedLanguage");
        var code = detected.GetProperty("iso6391Name").GetString();
        return code is null or "(Unknown)"
            ? DetectedLanguage.Unknown
            : new DetectedLanguage(code, detected.GetProperty("confidenceScore").GetDouble());
    }

    public async Task<TextAnalysis> AnalyzeAsync(string text, string? languageHint, CancellationToken ct)
    {
        var detected = await DetectLanguageAsync(text, ct);
        var language = languageHint ?? (detected.IsUnknown ? "en" : detected.Code);
        var input = new { id = "1", text, language };
        var sentiment = AnalyzeDocumentAsync("SentimentAnalysis", new { modelVersion = "latest", stringIndexType = "Utf16CodeUnit" }, input, ct);
        var keyPhrases = AnalyzeDocumentAsync("KeyPhraseExtraction", new { modelVersion = "latest" }, input, ct);
        var pii = AnalyzeDocumentAsync("PiiEntityRecognition", new { modelVersion = "latest", stringIndexType = "Utf16CodeUnit" }, input, ct);
        await Task.WhenAll(sentiment, keyPhrases, pii);

        var entities = AzureResponseReader.Entities(await pii);
        return new TextAnalysis(
            detected,
            AzureResponseReader.Sentiment(await sentiment),
            [.. (await keyPhrases).GetProperty("keyPhrases").EnumerateArray().Select(p => p.GetString() ?? "")],
            entities,
            Redactor.Redact(text, entities));
    }

    /// <summary>Sends one document for one task and returns its result, or throws its per-document error.</summary>
    private async Task<JsonElement> AnalyzeDocumentAsync(string kind, object parameters, object document, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            kind,
            parameters,
            analysisInput = new { documents = new[] { document } },
        });
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(requestUri);
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Headers.Add("Accept", "application/json");
        message.Request.Content = RequestContent.Create(body);
        try
        {
            await pipeline.SendAsync(message, ct);
        }
        catch (RequestFailedException e)
        {
            throw new TextAnalysisException($"Azure AI Language could not be reached at {requestUri.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TextAnalysisException($"Azure AI Language did not answer {kind} in time.", e);
        }
        catch (AggregateException e)
        {
            // Azure.Core gathers the failures of every try (timeouts, refused connections) once retries run out.
            throw new TextAnalysisException($"Azure AI Language failed {kind} on every try: {e.InnerExceptions[^1].Message}", e);
        }

        return AzureResponseReader.Document(kind, message.Response);
    }
}
