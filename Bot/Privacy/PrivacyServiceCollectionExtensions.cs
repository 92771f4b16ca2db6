using FirstLine.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>The retention purge (the <c>Retention</c> section, validated at start) and customers' export and erase requests.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<RetentionPurge>();
        services.AddScheduledJob<RetentionJob>(
            RetentionJob.Key,
            JobSchedule.Cron("0 15 3 * * ?", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")),
            "Deletes or anonymises transcripts, attachments and personal data older than the Retention settings.");
        services.AddSingleton<CustomerDataRequests>();
        services.AddSingleton<CustomerFiles>();
        return services;
    }
}
