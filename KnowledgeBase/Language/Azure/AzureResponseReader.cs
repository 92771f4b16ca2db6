using System.Text.Json;
using Azure;

namespace FirstLine.KnowledgeBase.Language.Azure;

/// <summary>Reads the JSON answers of <c>:analyze-text</c>: results, per-document errors and error bodies.</summary>
internal static class AzureResponseReader
{
    public static JsonElement Document(string kind, Response response)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(response.Content.ToMemory()).RootElement;
        }
        catch (JsonException e)
        {
            throw new TextAnalysisException($"Azure AI Language answered {kind} with HTTP {response.Status} and a body that is not JSON.", e)
            {
                Status = response.Status,
            };
        }

        if (response.IsError)
        {
            throw Failure(kind, response.Status, root);
        }

        try
        {
            var results = root.GetProperty("results");
            if (results.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var error = errors[0].GetProperty("error");
                throw new TextAnalysisException($"Azure AI Language refused the document for {kind}: {Describe(error)}")
                {
                    Status = response.Status,
                    ErrorCode = Code(error),
                };
            }

            return results.GetProperty("documents")[0].Clone();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new TextAnalysisException($"Azure AI Language answered {kind} in an unexpected shape: {e.Message}", e) { Status = response.Status };
        }
    }

    public static SentimentResult Sentiment(JsonElement document) => new(
        Label(document.GetProperty("sentiment").GetString()),
        Scores(document.GetProperty("confidenceScores")),
        [.. document.GetProperty("sentences").EnumerateArray().Select(s => new SentenceSentiment(
            s.GetProperty("text").GetString() ?? "",
            s.GetProperty("offset").GetInt32(),
            s.GetProperty("length").GetInt32(),
            Label(s.GetProperty("sentiment").GetString()),
            Scores(s.GetProperty("confidenceScores"))))]);

    public static List<PiiEntity> Entities(JsonElement document) =>
        [.. document.GetProperty("entities").EnumerateArray().Select(e => new PiiEntity(
            e.GetProperty("category").GetString() ?? "",
            e.GetProperty("text").GetString() ?? "",
            e.GetProperty("offset").GetInt32(),
            e.GetProperty("length").GetInt32(),
            e.GetProperty("confidenceScore").GetDouble()))];

    private static TextAnalysisException Failure(string kind, int status, JsonElement root)
    {
        var error = root.TryGetProperty("error", out var e) ? e : root;
        var advice = status switch
        {
            401 => " Check TextAnalytics:Azure:Key and that TextAnalytics:Azure:Endpoint is the resource's own endpoint.",
            403 => " The key is valid but refused (quota used up or access denied); the service is not asked again.",
            429 => " Requests were still throttled after the retries.",
            _ => "",
        };
        return new TextAnalysisException($"Azure AI Language failed {kind} with HTTP {status}: {Describe(error)}.{advice}")
        {
            Status = status,
            ErrorCode = Code(error),
        };
    }

    private static string? Code(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) ? code.ToString() : null;

    // The inner error says what is really wrong ("Document text is empty."), the outer one only its class.
    private static string Describe(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return "no details";
        }

        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var inner = error.TryGetProperty("innererror", out var i) && i.TryGetProperty("message", out var im) ? im.GetString() : null;
        return $"{Code(error)} {message}{(inner is null ? "" : $" ({inner})")}".Trim();
    }

    private static SentimentLabel Label(string? value) => value switch
    {
        "positive" => SentimentLabel.Positive,
        "negative" => SentimentLabel.Negative,
        "mixed" => SentimentLabel.Mixed,
        _ => SentimentLabel.Neutral,
    };

    private static SentimentScores Scores(JsonElement scores) => new(
        scores.GetProperty("positive").GetDouble(),
        scores.TryGetProperty("neutral", out var neutral) ? neutral.GetDouble() : 0,
        scores.GetProperty("negative").GetDouble());
}
