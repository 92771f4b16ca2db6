using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FirstLine.KnowledgeBase.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.KnowledgeBase.Tests.Language.Azure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for Azure AI Language: it answers each task with a fixture
/// shaped like Microsoft's recorded examples, or with the status and body a test scripts, and keeps what it got.
/// </summary>
internal sealed class LoopbackLanguageService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> scripted = new();

    private LoopbackLanguageService(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How long the server waits before answering, to provoke timeouts.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<LoopbackLanguageService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var service = new LoopbackLanguageService(builder.Build());
        service.app.Run(service.AnswerAsync);
        await service.app.StartAsync();
        var address = service.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.Endpoint = new Uri(address + "/");
        return service;
    }

    /// <summary>The next request gets this answer instead of the fixture.</summary>
    public void Script(int status, string body, string? retryAfter = null) => scripted.Enqueue((status, body, retryAfter));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Paths.Fixtures("azure"), name));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var kind = body.RootElement.GetProperty("kind").GetString()!;
        Received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(),
            kind,
            body.RootElement.Clone()));
        await Task.Delay(Delay, context.RequestAborted);

        var (status, text, retryAfter) = scripted.TryDequeue(out var next) ? next : (200, Fixture($"{kind}.json"), null);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(text);
    }
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, string Key, string Kind, JsonElement Body);
