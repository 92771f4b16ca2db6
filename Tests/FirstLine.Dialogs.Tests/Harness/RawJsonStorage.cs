using System.Collections.Concurrent;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>
/// An <see cref="IStorage"/> that keeps raw JSON like the database does, so a test can read what was stored
/// and plant what an older version (or a broken write) left behind.
/// </summary>
public sealed class RawJsonStorage : IStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> items = new(StringComparer.Ordinal);
    private int version;

    /// <summary>Runs before each write; lets a test slip in a concurrent write.</summary>
    public Func<string, Task>? BeforeWrite { get; set; }

    public int Writes { get; private set; }

    public string? GetJson(string key) => items.TryGetValue(key, out var item) ? item.Json : null;

    public void PutJson(string key, string json) => items[key] = (json, NextETag());

    public Task<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!items.TryGetValue(key, out var item))
        {
            return Task.FromResult<StoreItem<T>?>(null);
        }

        var value = BotJson.Deserialize<T>(item.Json) ?? throw new InvalidOperationException($"State '{key}' is JSON null.");
        return Task.FromResult<StoreItem<T>?>(new StoreItem<T>(value, item.ETag));
    }

    public async Task<string> WriteAsync<T>(string key, T value, string? expectedETag, CancellationToken cancellationToken = default)
        where T : class
    {
        if (BeforeWrite is { } hook)
        {
            await hook(key);
        }

        lock (items)
        {
            var exists = items.TryGetValue(key, out var current);
            var allowed = expectedETag switch
            {
                null => !exists,
                "*" => true,
                _ => exists && current.ETag == expectedETag,
            };
            if (!allowed)
            {
                throw new StorageConcurrencyException($"State '{key}' was changed by someone else since it was read.");
            }

            var etag = NextETag();
            items[key] = (BotJson.Serialize(value), etag);
            Writes++;
            return etag;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private string NextETag() => $"\"{Interlocked.Increment(ref version)}\"";
}
