using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FirstLine.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket surface under <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DirectLineChannel.BasePath)
            .RequireCors(CorsPolicy)
            .AddEndpointFilter<DirectLineErrorFilter>();

        group.MapPost("/tokens/generate", async (HttpContext http, DirectLineService service, CancellationToken ct) =>
            Ok(await service.GenerateTokenAsync(Caller(http, service), await ReadOptionalAsync<TokenParameters>(http, ct), ct)));

        group.MapPost("/tokens/refresh", (HttpContext http, DirectLineService service) =>
            Ok(service.RefreshToken(Caller(http, service))));

        group.MapPost("/conversations", async (HttpContext http, DirectLineService service, CancellationToken ct) =>
        {
            var (created, conversation) = await service.StartConversationAsync(
                Caller(http, service), await ReadOptionalAsync<TokenParameters>(http, ct), ServiceUrl(http), StreamBase(http), ct);
            return created ? Results.Json(conversation, BotJson.Options, statusCode: StatusCodes.Status201Created) : Ok(conversation);
        });

        group.MapGet("/conversations/{conversationId}", async (HttpContext http, DirectLineService service, string conversationId, string? watermark, CancellationToken ct) =>
            Ok(await service.ReconnectAsync(Caller(http, service), conversationId, watermark, ServiceUrl(http), StreamBase(http), ct)));

        group.MapGet("/conversations/{conversationId}/activities", async (HttpContext http, DirectLineService service, string conversationId, string? watermark, CancellationToken ct) =>
            Ok(await service.GetActivitiesAsync(Caller(http, service), conversationId, watermark, ct)));

        group.MapPost("/conversations/{conversationId}/activities", async (HttpContext http, DirectLineService service, IOptions<DirectLineOptions> options, string conversationId, CancellationToken ct) =>
        {
            var caller = Caller(http, service);
            caller.EnsureMayAccess(conversationId);
            var activity = await ReadActivityAsync(http, options.Value.MaxActivityBytes, ct);
            return Ok(new ResourceResponse(await service.PostActivityAsync(caller, conversationId, activity, ServiceUrl(http), ct)));
        });

        group.MapPost("/conversations/{conversationId}/upload", (HttpContext http, DirectLineUpload upload, string conversationId, string? userId, CancellationToken ct) =>
            upload.HandleAsync(http, conversationId, userId, ct));

        group.MapGet("/conversations/{conversationId}/stream", (HttpContext http, DirectLineStream stream, string conversationId, string? t, string? watermark) =>
            stream.HandleAsync(http, conversationId, t, watermark));

        group.MapGet("/attachments/{attachmentId}", async (DirectLineService service, string attachmentId, CancellationToken ct) =>
        {
            var attachment = await service.FindAttachmentAsync(attachmentId, ct) ?? throw new DirectLineException(404, "NotFound", "Unknown attachment.");

            // Uploaded files are the customer's bytes: always a download, never rendered in our origin.
            return Results.File(attachment.Content, "application/octet-stream", attachment.Name ?? "attachment");
        });

        group.MapGet("/session/getsessionid", (HttpContext http, DirectLineService service) =>
        {
            Caller(http, service);
            return Ok(new { sessionId = string.Empty });
        });

        return endpoints;
    }

    /// <summary>200 with the Bot Framework JSON dialect (camelCase, nulls omitted).</summary>
    internal static IResult Ok<T>(T value) => Results.Json(value, BotJson.Options);

    internal static DirectLineCaller Caller(HttpContext http, DirectLineService service) =>
        DirectLineCaller.From(service.Tokens, DirectLineCaller.BearerFrom(http.Request.Headers.Authorization));

    internal static Uri ServiceUrl(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        return options.PublicBaseUrl is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/")
            : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
    }

    private static Uri StreamBase(HttpContext http)
    {
        var builder = new UriBuilder(ServiceUrl(http));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    internal static async Task<Activity> ReadActivityAsync(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(http.Request.Body, http.Request.ContentLength, maxBytes, "activity", cancellationToken);
        return ParseActivity(body);
    }

    internal static Activity ParseActivity(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(json.Span, BotJson.Options)
                ?? throw DirectLineException.BadArgument("The body must be an activity, not null.");
        }
        catch (JsonException exception)
        {
            throw new DirectLineException(400, "BadArgument", $"The activity is not valid JSON: {exception.Message}", exception);
        }
    }

    internal static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream body, long? declaredLength, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            throw DirectLineException.TooLarge(what, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw DirectLineException.TooLarge(what, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task<T?> ReadOptionalAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadLimitedAsync(http.Request.Body, http.Request.ContentLength, 16 * 1024, "request body", cancellationToken);
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body.Span, BotJson.Options);
        }
        catch (JsonException exception)
        {
            throw new DirectLineException(400, "BadArgument", $"The body is not valid JSON: {exception.Message}", exception);
        }
    }
}
