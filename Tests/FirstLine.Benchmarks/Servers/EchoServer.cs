using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FirstLine.Benchmarks.Servers;

/// <summary>
/// The baseline: bare Kestrel with one WebSocket endpoint that sends every text message straight back.
/// It is what the network stack, Kestrel and the client harness cost on this machine with no bot at all.
/// </summary>
internal sealed class EchoServer : IBenchmarkServer
{
    public const string Path = "/echo";

    private readonly WebApplication app;

    private EchoServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<EchoServer> StartAsync(CancellationToken cancellationToken)
    {
        // The slim builder reads no appsettings.json, so the Bot's copy next to this binary cannot change the baseline.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map(Path, EchoAsync);
        await app.StartAsync(cancellationToken);
        return new EchoServer(app, new Uri(app.Urls.Single().TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task EchoAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), http.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, http.RequestAborted);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, http.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away at the end of the run; nothing to echo any more.
        }
    }
}
