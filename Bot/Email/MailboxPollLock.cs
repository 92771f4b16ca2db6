using System.Security.Cryptography;
using System.Text;
using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Email;

/// <summary>
/// Makes a poll of a mailbox exclusive across nodes even when the scheduler is wrong about who is alive (a node whose
/// cluster check-in stalled is taken for dead while it still polls, and its poll is handed to another node). On
/// PostgreSQL this is a session advisory lock per mailbox, held for the whole poll and released by the server when the
/// holder's connection ends, so a killed node never leaves it behind. Without it, two pollers racing for one mail
/// both ran the bot and opened two tickets. SQLite is one machine, where the scheduler's own exclusion suffices.
/// </summary>
public sealed class MailboxPollLock(IDbContextFactory<FirstLineDbContext> contexts)
{
    /// <summary>The held lock (dispose to release), or null when another node is polling <paramref name="mailbox"/> now.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string mailbox, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return new NotNeeded();
        }

        try
        {
            var key = KeyFor(mailbox);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
            if (taken)
            {
                return new Held(db, key);
            }

            await db.DisposeAsync();
            return null;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A stable 64-bit key per mailbox address (the same on every node).</summary>
    internal static long KeyFor(string mailbox) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"firstline mailbox poll {mailbox.ToLowerInvariant()}")), 0);

    private sealed class Held(FirstLineDbContext db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            }
            finally
            {
                await db.DisposeAsync();
            }
        }
    }

    private sealed class NotNeeded : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
