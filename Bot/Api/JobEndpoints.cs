using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Scheduling;

namespace FirstLine.Bot.Api;

/// <summary><c>GET /api/jobs</c>: the scheduler's jobs for admins.</summary>
internal static class JobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/jobs", async (JobOverview jobs, CancellationToken cancellationToken) => TypedResults.Ok(await jobs.ListAsync(cancellationToken)))
            .RequireAuthorization(AgentPolicies.Admin)
            .WithTags("Jobs")
            .WithName("ListJobs")
            .WithSummary("Lists every scheduled job (admins only): schedule, next and previous run, last outcome, result and error, failures in a row and in total.");
    }
}
