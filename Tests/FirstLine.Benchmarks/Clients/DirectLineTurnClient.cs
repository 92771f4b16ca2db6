using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace FirstLine.Benchmarks.Clients;

/// <summary>
/// A Direct Line 3.0 user as botframework-directlinejs behaves in WebSocket mode: exchanges the secret for a
/// token, starts the conversation, listens on the <c>streamUrl</c>, and posts each message over HTTP. A turn
/// lasts from the POST until the bot's reply to that message arrives on the WebSocket. With
/// <paramref name="postUrl"/> the messages go to another node than the one holding the stream (two nodes, one desk).
/// </summary>
internal sealed class DirectLineTurnClient(HttpClient http, Uri baseUrl, string secret, int user, Uri? postUrl = null) : ITurnClient
{
    private readonly ClientWebSocket socket = new();
    private readonly Channel<BotMessage> botMessages = Channel.CreateUnbounded<BotMessage>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource stopReceiving = new();
    private Task receiving = Task.CompletedTask;
    private string conversationId = string.Empty;
    private string token = string.Empty;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using (var generated = await PostJsonAsync("v3/directline/tokens/generate", secret, content: null, cancellationToken))
        {
            token = generated.RootElement.GetProperty("token").GetString()!;
        }

        using (var started = await PostJsonAsync("v3/directline/conversations", token, content: null, cancellationToken))
        {
            conversationId = started.RootElement.GetProperty("conversationId").GetString()!;
            token = started.RootElement.GetProperty("token").GetString()!;
            await socket.ConnectAsync(new Uri(started.RootElement.GetProperty("streamUrl").GetString()!), cancellationToken);
        }

        receiving = ReceiveAsync(stopReceiving.Token);

        // The greeting proves the stream works end to end before any turn is timed.
        await botMessages.Reader.ReadAsync(cancellationToken);
    }

    public async Task<TimeSpan> TakeTurnAsync(int turn, CancellationToken cancellationToken)
    {
        var expected = TurnText.ExpectedReply(user, turn);
        var started = Stopwatch.GetTimestamp();
        var posting = PostActivityAsync(TurnText.Activity(user, turn), cancellationToken);
        var replied = WaitForReplyAsync(expected, cancellationToken);

        // A failed POST must end the turn at once instead of waiting for a reply that will never come.
        if (await Task.WhenAny(posting, replied) == posting)
        {
            await posting;
        }

        var arrivedAt = await replied;
        await posting;
        return Stopwatch.GetElapsedTime(started, arrivedAt);
    }

    public async ValueTask DisposeAsync()
    {
        await stopReceiving.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The run is over; a socket that will not close politely is simply dropped.
            }
        }

        await receiving;
        socket.Dispose();
        stopReceiving.Dispose();
    }

    private async Task<long> WaitForReplyAsync(string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await botMessages.Reader.ReadAsync(cancellationToken);
            if (message.Text == expected)
            {
                return message.ArrivedAt;
            }
        }
    }

    private async Task PostActivityAsync(string activity, CancellationToken cancellationToken)
    {
        var path = $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        using var response = await PostJsonAsync(path, token, activity, cancellationToken, postUrl);
        if (!response.RootElement.TryGetProperty("id", out _))
        {
            throw new InvalidOperationException("The POST of an activity returned no id.");
        }
    }

    private async Task<JsonDocument> PostJsonAsync(string path, string bearer, string? content, CancellationToken cancellationToken, Uri? node = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node ?? baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /{path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}", null, response.StatusCode);
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>Reads the stream until it ends; the arrival time is taken here so a busy awaiting turn cannot inflate it.</summary>
    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        try
        {
            while (await WebSocketText.ReceiveAsync(socket, buffer, cancellationToken) is { } frame)
            {
                var arrivedAt = Stopwatch.GetTimestamp();
                if (frame.Length > 0)
                {
                    Dispatch(frame, arrivedAt);
                }
            }

            botMessages.Writer.TryComplete(new InvalidOperationException("The server closed the stream."));
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException)
        {
            botMessages.Writer.TryComplete(exception);
        }
    }

    private void Dispatch(byte[] frame, long arrivedAt)
    {
        using var set = JsonDocument.Parse(frame);
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (activity.TryGetProperty("type", out var type) && type.GetString() == "message"
                && activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot")
            {
                botMessages.Writer.TryWrite(new BotMessage(activity.TryGetProperty("text", out var text) ? text.GetString() : null, arrivedAt));
            }
        }
    }

    private sealed record BotMessage(string? Text, long ArrivedAt);
}
