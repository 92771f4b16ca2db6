using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Language.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase.Tests;

public class KnowledgeBaseRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddKnowledgeBase(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_local_analyzer_is_the_default()
    {
        using var services = Build([]);

        Assert.IsType<LocalTextAnalyzer>(services.GetRequiredService<ITextAnalyzer>());
    }

    [Fact]
    public void Azure_without_endpoint_tells_the_admin_what_to_fix()
    {
        using var services = Build(new() { ["TextAnalytics:Provider"] = "Azure", ["TextAnalytics:Azure:Key"] = "k" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TextAnalyticsOptions>>().Value);

        Assert.Contains("TextAnalytics:Azure:Endpoint is required when TextAnalytics:Provider is Azure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_with_endpoint_and_key_falls_back_to_local()
    {
        using var services = Build(new()
        {
            ["TextAnalytics:Provider"] = "Azure",
            ["TextAnalytics:Azure:Endpoint"] = "https://example.cognitiveservices.azure.com",
            ["TextAnalytics:Azure:Key"] = "k",
        });

        Assert.IsType<FallbackTextAnalyzer>(services.GetRequiredService<ITextAnalyzer>());
    }

    [Fact]
    public void Thresholds_out_of_order_are_refused()
    {
        using var services = Build(new() { ["KnowledgeBase:AnswerThreshold"] = "0.3", ["KnowledgeBase:ClarifyThreshold"] = "0.5" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value);

        Assert.Contains("KnowledgeBase:ClarifyThreshold must not be above KnowledgeBase:AnswerThreshold", error.Message, StringComparison.Ordinal);
    }
}
