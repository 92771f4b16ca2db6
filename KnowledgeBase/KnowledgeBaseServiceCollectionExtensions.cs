using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Language.Azure;
using FirstLine.KnowledgeBase.Language.Local;
using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase;

public static class KnowledgeBaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKnowledgeBase"/> (loaded at start, reloaded on file changes) and
    /// <see cref="ITextAnalyzer"/> (local, or Azure with the local analyzer as fallback), with the
    /// <c>KnowledgeBase</c> and <c>TextAnalytics</c> sections validated when the host starts.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeBaseOptions>()
            .Bind(configuration.GetSection(KnowledgeBaseOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "KnowledgeBase:Path is required: the folder holding the article files.")
            .Validate(o => o.ClarifyThreshold is >= 0 and <= 1 && o.AnswerThreshold is >= 0 and <= 1,
                "KnowledgeBase:AnswerThreshold and KnowledgeBase:ClarifyThreshold must be between 0 and 1.")
            .Validate(o => o.ClarifyThreshold <= o.AnswerThreshold,
                "KnowledgeBase:ClarifyThreshold must not be above KnowledgeBase:AnswerThreshold.")
            .Validate(o => o.ClarifyOptions is 2 or 3, "KnowledgeBase:ClarifyOptions must be 2 or 3.")
            .Validate(o => o.MaxQueryLength > 0, "KnowledgeBase:MaxQueryLength must be positive.")
            .ValidateOnStart();
        services.AddOptions<TextAnalyticsOptions>()
            .Bind(configuration.GetSection(TextAnalyticsOptions.Section))
            .Validate(o => o.Provider != TextAnalysisProvider.Azure || o.Azure.Endpoint is { IsAbsoluteUri: true },
                "TextAnalytics:Azure:Endpoint is required when TextAnalytics:Provider is Azure (e.g. https://<resource>.cognitiveservices.azure.com).")
            .Validate(o => o.Provider != TextAnalysisProvider.Azure || !string.IsNullOrWhiteSpace(o.Azure.Key),
                "TextAnalytics:Azure:Key is required when TextAnalytics:Provider is Azure (the resource's key 1 or key 2).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Azure.ApiVersion), "TextAnalytics:Azure:ApiVersion must not be empty (default 2023-04-01).")
            .ValidateOnStart();

        services.AddSingleton<KnowledgeBaseLoader>();
        services.AddSingleton<LuceneKnowledgeBase>();
        services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<LuceneKnowledgeBase>());
        services.AddHostedService<KnowledgeBaseWatcher>();

        services.AddSingleton<LocalTextAnalyzer>();
        services.AddSingleton<ITextAnalyzer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TextAnalyticsOptions>>().Value;
            var local = sp.GetRequiredService<LocalTextAnalyzer>();
            return options.Provider == TextAnalysisProvider.Azure
                ? new FallbackTextAnalyzer(new AzureTextAnalyzer(options.Azure), local, sp.GetRequiredService<ILogger<FallbackTextAnalyzer>>())
                : local;
        });
        return services;
    }
}
