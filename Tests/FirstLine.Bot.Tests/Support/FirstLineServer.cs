using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using FirstLine.Bot.Hosting;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// The real FirstLine host (exactly what <c>dotnet run --project Bot</c> serves) on a loopback port, with its own
/// data directory and Direct Line secret, for real clients (node, Chromium) to talk to over the network.
/// </summary>
public sealed class FirstLineServer : IAsyncDisposable
{
    private WebApplication? app;

    private FirstLineServer(string dataDirectory, string secret)
    {
        DataDirectory = dataDirectory;
        Secret = secret;
    }

    /// <summary>The server's storage; a restart keeps it, so nothing accepted may be lost.</summary>
    public string DataDirectory { get; }

    public bool RealBot { get; private init; }

    /// <summary>The server-side Direct Line secret (what a website backend would hold).</summary>
    public string Secret { get; }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public int Port => new Uri(BaseUrl).Port;

    public TestOutputLoggerProvider Log { get; } = new();

    /// <summary>Starts FirstLine; <paramref name="port"/> 0 lets the OS choose.</summary>
    /// <param name="realBot">False (the default) runs <see cref="EchoBot"/>, whose replies a protocol test can predict; true runs the product's support dialogs.</param>
    public static async Task<FirstLineServer> StartAsync(string dataDirectory, int port = 0, bool realBot = false, CancellationToken cancellationToken = default)
    {
        var server = new FirstLineServer(dataDirectory, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))) { RealBot = realBot };
        await server.StartOnAsync(port, cancellationToken);
        return server;
    }

    /// <summary>A port that is free now, so a server can be restarted on the same origin (the browser's cookies are per origin).</summary>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the process-equivalent completely (host disposed), then starts a new one on the same port and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var port = Port;
        await StopAsync(cancellationToken);
        await StartOnAsync(port, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (app is null)
        {
            return;
        }

        var stopping = app;
        app = null;
        await stopping.StopAsync(cancellationToken);
        await stopping.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Log.Dispose();
    }

    private async Task StartOnAsync(int port, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            $"--Storage:DataDirectory={DataDirectory}",
            $"--DirectLine:Secret={Secret}",
            "--environment", "Production",
        ];
        var started = FirstLineApp.Create(args, services =>
        {
            if (!RealBot)
            {
                services.AddSingleton<IBot, EchoBot>();
            }
        });
        started.Services.GetRequiredService<ILoggerFactory>().AddProvider(Log);
        await started.StartAsync(cancellationToken);
        app = started;
        BaseUrl = started.Urls.Single().TrimEnd('/');
    }
}
