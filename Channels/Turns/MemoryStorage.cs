using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace FirstLine.Channels.Turns;

/// <summary>
/// <see cref="IStorage"/> in this process's memory, with the same JSON round trip and ETag rules as the
/// database store. For single-process tools and tests; state is lost when the process ends.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, (string Type, string Json, string ETag)> items = new(StringComparer.Ordinal);

    public Task<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!items.TryGetValue(key, out var item))
        {
            return Task.FromResult<StoreItem<T>?>(null);
        }

        if (item.Type != typeof(T).FullName)
        {
            throw new InvalidOperationException($"State '{key}' holds a {item.Type}, not a {typeof(T).FullName}.");
        }

        return Task.FromResult<StoreItem<T>?>(new StoreItem<T>(JsonSerializer.Deserialize<T>(item.Json, BotJson.Options)!, item.ETag));
    }

    public Task<string> WriteAsync<T>(string key, T value, string? expectedETag, CancellationToken cancellationToken = default)
        where T : class
    {
        var etag = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var next = (typeof(T).FullName!, JsonSerializer.Serialize(value, BotJson.Options), etag);
        var written = expectedETag switch
        {
            null => items.TryAdd(key, next),
            "*" => Overwrite(key, next),
            _ => items.TryGetValue(key, out var current) && current.ETag == expectedETag && items.TryUpdate(key, next, current),
        };
        return written
            ? Task.FromResult(etag)
            : throw new StorageConcurrencyException($"State '{key}' was changed by someone else since it was read.");
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Overwrite(string key, (string, string, string) next)
    {
        items[key] = next;
        return true;
    }
}
