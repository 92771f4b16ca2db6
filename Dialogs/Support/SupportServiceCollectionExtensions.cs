using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FirstLine.Dialogs.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SupportBot"/> with the <c>Support</c> section validated when the host starts.
    /// The host provides <see cref="Desk.ISupportDesk"/>, <c>IStorage</c> and the knowledge base, and decides
    /// which <c>IBot</c> runs (e.g. <c>services.AddSingleton&lt;IBot&gt;(sp =&gt; sp.GetRequiredService&lt;SupportBot&gt;())</c>).
    /// </summary>
    public static IServiceCollection AddSupportDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportOptions>()
            .Bind(configuration.GetSection(SupportOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();
        services.AddSingleton<SupportBot>();
        return services;
    }
}

/// <summary>Refuses a <c>Support</c> section that would make the conversation misbehave, with every problem named.</summary>
internal sealed class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
