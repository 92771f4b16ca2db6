using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The database — a SQLite file in the data folder by default, PostgreSQL when <c>Storage:Provider</c> is
    /// <c>PostgreSql</c> (<c>ConnectionStrings:FirstLine</c> says where) — migrated at start, and the stores built on it.
    /// </summary>
    public static IServiceCollection AddFirstLineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(StorageConnection.Name))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddDbContextFactory<FirstLineDbContext, FirstLineDbContextFactory>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                // Retries what a restarting server or a failover throws at us; explicit transactions therefore
                // run through the execution strategy (see DbContextFactoryExtensions.InTransactionAsync).
                options.UseNpgsql(storage.ConnectionString, npgsql => npgsql.EnableRetryOnFailure());
                return;
            }

            options.UseSqlite(StorageConnection.Resolve(storage), sqlite => sqlite.CommandTimeout(30)).AddInterceptors(new SqlitePragmas());
        });

        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<IDirectLineStore, EfDirectLineStore>();
        services.AddSingleton<IStorage, EfStorage>();
        services.AddSingleton<ITranscriptLogger, EfTranscriptLogger>();
        return services;
    }
}
