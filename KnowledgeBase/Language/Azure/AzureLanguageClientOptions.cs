using Azure.Core;

namespace FirstLine.KnowledgeBase.Language.Azure;

/// <summary>Azure.Core pipeline settings of the Azure AI Language client.</summary>
public sealed class AzureLanguageClientOptions : ClientOptions
{
    public AzureLanguageClientOptions(AzureLanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Retry.MaxRetries = options.MaxRetries;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = options.Timeout;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "FirstLine";
    }
}
