namespace FirstLine.Channels.Turns;

/// <summary>
/// Durable, typed state (conversation and user state, the dialog stack) with optimistic concurrency:
/// a write names the ETag it read, and loses with <see cref="StorageConcurrencyException"/> if someone
/// else wrote in between.
/// </summary>
public interface IStorage
{
    Task<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Writes <paramref name="value"/>. <paramref name="expectedETag"/> null means "must not exist yet",
    /// <c>*</c> means "overwrite whatever is there". Returns the new ETag.
    /// </summary>
    Task<string> WriteAsync<T>(string key, T value, string? expectedETag, CancellationToken cancellationToken = default)
        where T : class;

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A stored value and the ETag to name when writing it back.</summary>
public sealed record StoreItem<T>(T Value, string ETag);

/// <summary>Someone else changed the item since it was read.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException()
    {
    }

    public StorageConcurrencyException(string message)
        : base(message)
    {
    }

    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
