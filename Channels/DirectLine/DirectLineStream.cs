using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.Channels.DirectLine;

/// <summary>
/// The WebSocket <c>streamUrl</c>: replays the log after the watermark, then pushes new activities as
/// text frames of <c>{"activities":[…],"watermark":"…"}</c>. Empty frames from the client are pings and ignored.
/// </summary>
public sealed partial class DirectLineStream(
    DirectLineService service,
    IDirectLineStore store,
    IConversationNotifier notifier,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStream> logger)
{
    private const int ReplayPage = 200;

    public async Task<IResult> HandleAsync(HttpContext http, string conversationId, string? token, string? watermark)
    {
        ArgumentNullException.ThrowIfNull(http);

        // Checked before the upgrade, so a bad token gets a plain HTTP error a client can read.
        var caller = DirectLineCaller.From(service.Tokens, token);
        caller.EnsureMayAccess(conversationId);
        await service.RequireConversationAsync(conversationId, http.RequestAborted);
        var after = DirectLineService.ParseWatermark(watermark);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw DirectLineException.BadArgument("The stream URL must be opened as a WebSocket.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await StreamAsync(socket, conversationId, after, http.RequestAborted);
        return Results.Empty;
    }

    private async Task StreamAsync(WebSocket socket, string conversationId, long after, CancellationToken requestAborted)
    {
        var pending = Channel.CreateUnbounded<LoggedActivity>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = notifier.Subscribe(conversationId, activity => pending.Writer.TryWrite(activity));
        // Shutting down closes open streams at once (clients reconnect to another node or after the restart)
        // instead of holding the host for its whole shutdown timeout.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        LogStreamOpened(conversationId, after);
        try
        {
            var delivered = await ReplayAsync(socket, conversationId, after, stop.Token);
            await PushAsync(socket, conversationId, pending.Reader, delivered, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or closed the socket: a normal end of a stream.
        }
        catch (WebSocketException exception)
        {
            LogStreamBroken(exception, conversationId);
        }
        finally
        {
            await stop.CancelAsync();
            await receiving;
            await CloseQuietlyAsync(socket);
            LogStreamClosed(conversationId);
        }
    }

    private async Task<long> ReplayAsync(WebSocket socket, string conversationId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await store.GetActivitiesAsync(conversationId, after, ReplayPage, cancellationToken);
            if (page.Count == 0)
            {
                return after;
            }

            after = page[^1].Sequence!.Value;
            var visible = page.Where(a => DirectLineService.ClientSees(a.Activity)).Select(a => a.Activity).ToList();
            await SendAsync(socket, new ActivitySet(visible, Watermark(after)), cancellationToken);
            if (page.Count < ReplayPage)
            {
                return after;
            }
        }
    }

    private async Task PushAsync(WebSocket socket, string conversationId, ChannelReader<LoggedActivity> pending, long delivered, CancellationToken cancellationToken)
    {
        var keepAlive = options.Value.KeepAliveInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(keepAlive);
            LoggedActivity next;
            try
            {
                next = await pending.ReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                continue;
            }

            // Activities published while the replay ran were replayed already; skip them by sequence.
            if (next.Sequence is { } sequence)
            {
                if (sequence <= delivered)
                {
                    continue;
                }

                // Notifications may overtake each other (two writers, or two nodes); the log has them all in order.
                if (sequence > delivered + 1)
                {
                    delivered = await ReplayAsync(socket, conversationId, delivered, cancellationToken);
                    continue;
                }

                delivered = sequence;
            }

            if (DirectLineService.ClientSees(next.Activity))
            {
                await SendAsync(socket, new ActivitySet([next.Activity], next.Sequence is null ? null : Watermark(delivered)), cancellationToken);
            }
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Either we are stopping or the peer vanished; both end the stream below.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, BotJson.Options), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "closing", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The peer is gone already; there is nobody left to tell.
            }
        }
    }

    private static string Watermark(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream opened for {ConversationId} after watermark {Watermark}")]
    private partial void LogStreamOpened(string conversationId, long watermark);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream closed for {ConversationId}")]
    private partial void LogStreamClosed(string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream for {ConversationId} broke off")]
    private partial void LogStreamBroken(Exception exception, string conversationId);
}
