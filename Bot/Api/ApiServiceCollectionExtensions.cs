using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Authentication;

namespace FirstLine.Bot.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document of the REST API (<c>/openapi/v1.json</c>).</summary>
    public static IServiceCollection AddAgentApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<BearerSecurityTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>/api/…</c> (API key required) and the OpenAPI document (public).</summary>
    public static WebApplication MapAgentApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api")
            .RequireAuthorization(AgentPolicies.Api)
            .AddEndpointFilter<ApiProblems>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        TicketEndpoints.Map(api);
        TicketAttachmentEndpoints.Map(api);
        JobEndpoints.Map(api);
        CustomerEndpoints.Map(api);
        api.MapGet("/agents", async (AgentDirectory agents, CancellationToken cancellationToken) =>
                TypedResults.Ok((await agents.ListAsync(cancellationToken)).Select(TicketJsonMapper.ToJson).ToList()))
            .RequireAuthorization(AgentPolicies.Admin)
            .WithTags("Agents")
            .WithName("ListAgents")
            .WithSummary("Lists the agent accounts (admins only).");
        return app;
    }
}
