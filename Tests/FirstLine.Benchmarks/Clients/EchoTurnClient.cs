using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using FirstLine.Benchmarks.Servers;

namespace FirstLine.Benchmarks.Clients;

/// <summary>The baseline user: one WebSocket to the echo server; a turn is one message and its echo.</summary>
internal sealed class EchoTurnClient(Uri baseUrl, int user) : ITurnClient
{
    private readonly ClientWebSocket socket = new();
    private readonly ArrayBufferWriter<byte> buffer = new();

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        var url = new UriBuilder(baseUrl) { Scheme = "ws", Path = EchoServer.Path }.Uri;
        return socket.ConnectAsync(url, cancellationToken);
    }

    public async Task<TimeSpan> TakeTurnAsync(int turn, CancellationToken cancellationToken)
    {
        // About the size of the activity a Direct Line client posts, so both sides move similar bytes.
        var message = TurnText.Activity(user, turn);
        var started = Stopwatch.GetTimestamp();
        await WebSocketText.SendAsync(socket, message, cancellationToken);
        var echo = await WebSocketText.ReceiveAsync(socket, buffer, cancellationToken)
            ?? throw new InvalidOperationException("The echo server closed the socket.");
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (Encoding.UTF8.GetString(echo) != message)
        {
            throw new InvalidOperationException("The echo did not match what was sent.");
        }

        return elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The run is over; a socket that will not close politely is simply dropped.
            }
        }

        socket.Dispose();
    }
}
