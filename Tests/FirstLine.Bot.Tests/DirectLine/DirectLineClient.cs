using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>Raw Direct Line 3.0 calls over HTTP, as a website backend (secret) or a browser (token) makes them.</summary>
public sealed class DirectLineClient(HttpClient http, string secret)
{
    public const string Base = "v3/directline";

    public string Secret => secret;

    public HttpClient Http => http;

    public static HttpRequestMessage Request(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return request;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value, BotJson.Options));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, credential, content);
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary><c>tokens/generate</c> with the secret: a token for a new conversation.</summary>
    public async Task<Conversation> GenerateTokenAsync(CancellationToken cancellationToken, string? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/tokens/generate", secret, body is null ? null : Json(body), cancellationToken);
        await EnsureStatusAsync(response, HttpStatusCode.OK);
        return await Conversation.ReadAsync(response, cancellationToken);
    }

    public async Task<(HttpStatusCode Status, Conversation Conversation)> StartConversationAsync(string credential, CancellationToken cancellationToken, string body = """{"user":{}}""")
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/conversations", credential, Json(body), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Start failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (response.StatusCode, await Conversation.ReadAsync(response, cancellationToken));
    }

    /// <summary>A started conversation with its token (what Web Chat has after connecting).</summary>
    public async Task<Conversation> NewConversationAsync(CancellationToken cancellationToken)
    {
        var generated = await GenerateTokenAsync(cancellationToken);
        var (_, started) = await StartConversationAsync(generated.Token, cancellationToken);
        return started;
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string? credential, string json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversationId}/activities", credential, Json(json), cancellationToken);

    /// <summary>Posts a message as Web Chat does and returns the id the server assigned.</summary>
    public async Task<string> SendMessageAsync(Conversation conversation, string text, CancellationToken cancellationToken, object? channelData = null)
    {
        var activity = new
        {
            type = "message",
            text,
            from = new { id = "ignored-client-id", name = "Debbie", role = "user" },
            locale = "en-US",
            channelData = channelData ?? new { clientActivityID = Guid.NewGuid().ToString("N") },
        };
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/conversations/{conversation.ConversationId}/activities", conversation.Token, Json(activity), cancellationToken);
        await EnsureStatusAsync(response, HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<Page> GetActivitiesAsync(string conversationId, string credential, string? watermark, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}/activities?watermark={Uri.EscapeDataString(watermark ?? string.Empty)}", credential, null, cancellationToken);
        await EnsureStatusAsync(response, HttpStatusCode.OK);
        return Page.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Polls until <paramref name="done"/> holds for everything after <paramref name="watermark"/>.</summary>
    public async Task<Page> WaitForActivitiesAsync(Conversation conversation, string? watermark, Func<IReadOnlyList<Activity>, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark, cancellationToken);
            if (done(page.Activities))
            {
                return page;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts the status code and the documented error body <c>{"error":{"code","message"}}</c>.</summary>
    public static async Task<(string Code, string Message)> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        await EnsureStatusAsync(response, status);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        var error = body.RootElement.GetProperty("error");
        var actualCode = error.GetProperty("code").GetString();
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(actualCode), $"error.code is empty: {text}");
        Assert.False(string.IsNullOrWhiteSpace(message), $"error.message is empty: {text}");
        if (code is not null)
        {
            Assert.Equal(code, actualCode);
        }

        return (actualCode!, message!);
    }

    /// <summary>The Direct Line Conversation object.</summary>
    public sealed record Conversation(string ConversationId, string Token, int ExpiresIn, string? StreamUrl, JsonElement Raw)
    {
        public static async Task<Conversation> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var raw = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
            return new Conversation(
                raw.GetProperty("conversationId").GetString()!,
                raw.GetProperty("token").GetString()!,
                raw.GetProperty("expires_in").GetInt32(),
                raw.TryGetProperty("streamUrl", out var stream) ? stream.GetString() : null,
                raw);
        }
    }

    /// <summary>An ActivitySet as it came over the wire.</summary>
    public sealed record Page(IReadOnlyList<Activity> Activities, JsonElement Watermark, JsonElement Raw)
    {
        public string? WatermarkString => Watermark.ValueKind == JsonValueKind.String ? Watermark.GetString() : null;

        public static Page Parse(string json)
        {
            var raw = JsonDocument.Parse(json).RootElement.Clone();
            var activities = raw.GetProperty("activities").EnumerateArray().Select(a => a.Deserialize<Activity>(BotJson.Options)!).ToList();
            return new Page(activities, raw.TryGetProperty("watermark", out var watermark) ? watermark : default, raw);
        }
    }
}

/// <summary>A Direct Line stream: reads text frames as activity sets; empty frames are keep-alives.</summary>
public sealed class DirectLineSocket(ClientWebSocket socket) : IAsyncDisposable
{
    public ClientWebSocket Socket => socket;

    /// <summary>The next non-empty frame, parsed.</summary>
    public async Task<DirectLineClient.Page> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (type, text) = await ReceiveFrameAsync(cancellationToken);
            if (type == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the stream.");
            }

            Assert.Equal(WebSocketMessageType.Text, type);
            if (text.Length > 0)
            {
                return DirectLineClient.Page.Parse(text);
            }
        }
    }

    /// <summary>Collects activities until <paramref name="done"/> holds for all received so far.</summary>
    public async Task<List<Activity>> ReceiveUntilAsync(Func<List<Activity>, bool> done, CancellationToken cancellationToken, List<Activity>? seen = null)
    {
        seen ??= [];
        while (!done(seen))
        {
            seen.AddRange((await ReceiveAsync(cancellationToken)).Activities);
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server is gone already.
            }
        }

        socket.Dispose();
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }
}
