using System.Security.Cryptography;
using System.Text.Json;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage;

/// <summary>Typed state documents with ETag concurrency, shared by every node using the database.</summary>
internal sealed class EfStorage(IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time) : IStorage
{
    public async Task<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.States.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (row.Type != TypeName<T>())
        {
            throw new InvalidOperationException($"State '{key}' holds a {row.Type}, not a {TypeName<T>()}.");
        }

        return new StoreItem<T>(JsonSerializer.Deserialize<T>(row.Json, BotJson.Options)!, row.ETag);
    }

    public async Task<string> WriteAsync<T>(string key, T value, string? expectedETag, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = JsonSerializer.Serialize(value, BotJson.Options);
        var etag = NewETag();
        var row = await db.States.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            if (expectedETag is not null && expectedETag != "*")
            {
                throw new StorageConcurrencyException($"State '{key}' was deleted since it was read.");
            }

            db.States.Add(new StateRow { Key = key, Type = TypeName<T>(), Json = json, ETag = etag, UpdatedAt = time.GetUtcNow() });
        }
        else
        {
            if (expectedETag != "*" && expectedETag != row.ETag)
            {
                throw new StorageConcurrencyException($"State '{key}' was changed by someone else since it was read.");
            }

            row.Type = TypeName<T>();
            row.Json = json;
            row.ETag = etag;
            row.UpdatedAt = time.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Covers both a concurrent insert of the same key and a concurrent update (ETag token).
            throw new StorageConcurrencyException($"State '{key}' was written concurrently.", exception);
        }

        return etag;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.States.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private static string TypeName<T>() => typeof(T).FullName!;

    private static string NewETag() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
}
