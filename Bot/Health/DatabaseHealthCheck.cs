using System.Data.Common;
using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Health;

/// <summary>
/// The database answers a trivial query. It opens its own connection rather than going through EF Core, whose
/// retrying execution strategy would keep a load balancer waiting for half a minute on a dead server.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<FirstLineDbContext> contexts, IOptions<StorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = storage.Value.Provider;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The {provider} database answers.");
        }
        catch (DbException exception)
        {
            // The exception goes to the health check log; the response only says that it failed.
            return HealthCheckResult.Unhealthy($"The {provider} database does not answer.", exception);
        }
    }
}
