namespace FirstLine.Bot.Storage;

/// <summary>The database's connection string, for EF Core and for the scheduler's job store alike.</summary>
public static class StorageConnection
{
    /// <summary><c>ConnectionStrings:FirstLine</c>.</summary>
    public const string Name = "FirstLine";

    /// <summary><see cref="StorageOptions.ConnectionString"/> when set; otherwise the SQLite file <c>firstline.db</c> in the data folder.</summary>
    public static string Resolve(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return storage.ConnectionString;
        }

        Directory.CreateDirectory(storage.ResolvedDataDirectory);
        return $"Data Source={Path.Combine(storage.ResolvedDataDirectory, "firstline.db")};Pooling=True";
    }

    /// <summary>The <c>Storage</c> section with its connection string, read while services are still being described.</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString = configuration.GetConnectionString(Name);
        return storage;
    }
}
