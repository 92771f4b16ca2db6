namespace FirstLine.Bot.Storage;

/// <summary>The <c>Storage</c> section: which database and where its files live.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default: one file, zero set-up) or <c>PostgreSql</c> (several nodes, one database).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite file and other local data; relative paths are below the app folder.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// <c>ConnectionStrings:FirstLine</c> (bound from there, not from this section): required for PostgreSQL,
    /// optional for SQLite (default: <c>firstline.db</c> in the data directory).
    /// </summary>
    public string? ConnectionString { get; set; }

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory, AppContext.BaseDirectory);
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
