using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FirstLine.Bot.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (it can serve: the database answers, and
/// every check tagged <see cref="ReadyTag"/> — the mailboxes here; Redis adds its own) for load balancers.
/// Anonymous, with a JSON body that names each check and its state but no connection details or error texts.
/// </summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>Tag a health check with this to make <c>/health/ready</c> run it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long one check may take before it counts as failed (a load balancer waits only so long).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddFirstLineHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<MailboxHealthCheck>("mailboxes", tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapFirstLineHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthJson.WriteAsync })
            .AllowAnonymous();
        return endpoints;
    }
}
