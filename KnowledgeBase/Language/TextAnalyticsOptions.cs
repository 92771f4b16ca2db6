namespace FirstLine.KnowledgeBase.Language;

/// <summary>The <c>TextAnalytics</c> configuration section.</summary>
public sealed class TextAnalyticsOptions
{
    public const string Section = "TextAnalytics";

    /// <summary><c>Local</c> (offline, default) or <c>Azure</c> (Azure AI Language, local analyzer as fallback).</summary>
    public TextAnalysisProvider Provider { get; set; } = TextAnalysisProvider.Local;

    public AzureLanguageOptions Azure { get; set; } = new();
}

public enum TextAnalysisProvider
{
    Local,
    Azure,
}

/// <summary>The <c>TextAnalytics:Azure</c> section: where the Azure AI Language resource is and its key.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>e.g. <c>https://my-resource.cognitiveservices.azure.com</c></summary>
    public Uri? Endpoint { get; set; }

    public string? Key { get; set; }

    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>Retries of 408, 429 and 5xx answers; <c>Retry-After</c> is honoured.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Per try; a slower answer counts as a failure and the local analyzer takes over.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
