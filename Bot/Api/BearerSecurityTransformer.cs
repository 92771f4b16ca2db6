using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FirstLine.Bot.Api;

/// <summary>Tells OpenAPI clients that every operation takes <c>Authorization: Bearer &lt;api key&gt;</c>.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "FirstLine REST API";
        document.Info.Description = "Tickets for integrators. Authenticate with 'Authorization: Bearer <api key>'; create a key with 'dotnet run --project Bot -- apikey create --name <name>'. Errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created with 'apikey create'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
