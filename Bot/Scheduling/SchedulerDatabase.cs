using FirstLine.Bot.Storage;

namespace FirstLine.Bot.Scheduling;

/// <summary>Where the job store lives: the same database as everything else.</summary>
internal sealed record SchedulerDatabase(StorageProvider Provider, string ConnectionString)
{
    public static SchedulerDatabase From(IConfiguration configuration)
    {
        var storage = StorageConnection.Read(configuration);
        return new SchedulerDatabase(storage.Provider, StorageConnection.Resolve(storage));
    }
}
