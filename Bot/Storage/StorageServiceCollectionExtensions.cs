using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The database (SQLite file in the data folder unless <c>ConnectionStrings:FirstLine</c> says otherwise),
    /// migrated at start, and the stores built on it.
    /// </summary>
    public static IServiceCollection AddFirstLineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Provider), "Storage:Provider must be 'Sqlite'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must name a folder, e.g. 'data'.")
            .ValidateOnStart();

        services.AddDbContextFactory<FirstLineDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = configuration.GetConnectionString("FirstLine");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(storage.ResolvedDataDirectory);
                connectionString = $"Data Source={Path.Combine(storage.ResolvedDataDirectory, "firstline.db")};Pooling=True";
            }

            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30)).AddInterceptors(new SqlitePragmas());
        });

        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<IDirectLineStore, EfDirectLineStore>();
        services.AddSingleton<IStorage, EfStorage>();
        services.AddSingleton<ITranscriptLogger, EfTranscriptLogger>();
        return services;
    }
}
