using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage;

public static class DbContextFactoryExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction and commits it. On PostgreSQL the connection
    /// resilience (retry on transient failures) may run it again from the start — each time with a fresh context —
    /// so <paramref name="work"/> must do everything through the context it is given. Use this instead of
    /// <c>BeginTransactionAsync</c>, which the retrying execution strategy refuses.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(
        this IDbContextFactory<FirstLineDbContext> contexts,
        Func<FirstLineDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(work);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(db, ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);
    }
}
