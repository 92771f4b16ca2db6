using System.Net;
using System.Net.WebSockets;
using System.Text;
using FirstLine.Channels.DirectLine;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>Secrets, tokens and who may touch which conversation: every refusal has its documented status and error body.</summary>
public sealed class AuthorizationTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task A_request_without_Authorization_gets_401()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var get = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities", null, null, Timeout);
        using var post = await host.Client.PostActivityAsync(conversation.ConversationId, null, """{"type":"message","text":"hi","from":{"id":"u"}}""", Timeout);
        using var start = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations", null, null, Timeout);

        await DirectLineClient.AssertErrorAsync(get, HttpStatusCode.Unauthorized);
        await DirectLineClient.AssertErrorAsync(post, HttpStatusCode.Unauthorized);
        await DirectLineClient.AssertErrorAsync(start, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_Authorization_header_that_is_not_a_bearer_gets_401()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate");
        request.Headers.TryAddWithoutValidation("Authorization", $"Basic {host.Secret}");

        using var response = await host.Http.SendAsync(request, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string> ForgedTokens => new()
    {
        "not-a-token",
        "a.b.c",
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJmaXJzdGxpbmUtZGlyZWN0bGluZSJ9.",
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_forged_token_gets_401(string forged)
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities", forged, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_to_another_conversation_gets_401()
    {
        await using var host = await DirectLineHost.StartAsync();
        var mine = await host.Client.NewConversationAsync(Timeout);
        var victim = await host.Client.NewConversationAsync(Timeout);
        var parts = mine.Token.Split('.');
        var claims = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[1])).Replace(mine.ConversationId, victim.ConversationId, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(claims))}.{parts[2]}";

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{victim.ConversationId}/activities", tampered, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_by_another_server_gets_401()
    {
        await using var other = await DirectLineHost.StartAsync();
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var foreign = other.Services.GetRequiredService<DirectLineTokens>().Issue(conversation.ConversationId, "dl_mallory");

        using var response = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities", foreign, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_everywhere_and_cannot_be_refreshed()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:TokenLifetime=00:01:00"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        Assert.Equal(60, conversation.ExpiresIn);

        host.Clock.Advance(TimeSpan.FromSeconds(61));

        var id = conversation.ConversationId;
        using var get = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{id}/activities", conversation.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(get, HttpStatusCode.Forbidden, "TokenExpired");
        using var post = await host.Client.PostActivityAsync(id, conversation.Token, """{"type":"message","text":"hi"}""", Timeout);
        await DirectLineClient.AssertErrorAsync(post, HttpStatusCode.Forbidden, "TokenExpired");
        using var reconnect = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{id}?watermark=0", conversation.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(reconnect, HttpStatusCode.Forbidden, "TokenExpired");
        using var refresh = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
        var status = await RefusedWebSocketStatusAsync($"{host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{id}/stream?t={conversation.Token}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_token_refreshed_in_time_outlives_the_old_one()
    {
        await using var host = await DirectLineHost.StartAsync(["--DirectLine:TokenLifetime=00:01:00"]);
        var conversation = await host.Client.NewConversationAsync(Timeout);
        host.Clock.Advance(TimeSpan.FromSeconds(50));
        using var refresh = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", conversation.Token, null, Timeout);
        await DirectLineClient.EnsureStatusAsync(refresh, HttpStatusCode.OK);
        var refreshed = await DirectLineClient.Conversation.ReadAsync(refresh, Timeout);

        host.Clock.Advance(TimeSpan.FromSeconds(30));

        using var old = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/{conversation.ConversationId}/activities", conversation.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(old, HttpStatusCode.Forbidden, "TokenExpired");
        var page = await host.Client.GetActivitiesAsync(conversation.ConversationId, refreshed.Token, null, Timeout);
        Assert.Single(page.Activities);
    }

    [Fact]
    public async Task A_token_of_another_conversation_gets_403_on_every_operation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var mine = await host.Client.NewConversationAsync(Timeout);
        var theirs = await host.Client.NewConversationAsync(Timeout);
        var path = $"{DirectLineClient.Base}/conversations/{theirs.ConversationId}";

        using var get = await host.Client.SendAsync(HttpMethod.Get, $"{path}/activities?watermark=", mine.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(get, HttpStatusCode.Forbidden);
        using var post = await host.Client.PostActivityAsync(theirs.ConversationId, mine.Token, """{"type":"message","text":"hijack","from":{"id":"x"}}""", Timeout);
        await DirectLineClient.AssertErrorAsync(post, HttpStatusCode.Forbidden);
        using var reconnect = await host.Client.SendAsync(HttpMethod.Get, $"{path}?watermark=0", mine.Token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(reconnect, HttpStatusCode.Forbidden);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.bin" } };
        using var uploaded = await host.Client.SendAsync(HttpMethod.Post, $"{path}/upload?userId=x", mine.Token, upload, Timeout);
        await DirectLineClient.AssertErrorAsync(uploaded, HttpStatusCode.Forbidden);
        var streamStatus = await RefusedWebSocketStatusAsync($"{host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/{path}/stream?t={mine.Token}");
        Assert.Equal(HttpStatusCode.Forbidden, streamStatus);

        // Nothing reached their conversation.
        var log = await host.Client.GetActivitiesAsync(theirs.ConversationId, theirs.Token, null, Timeout);
        Assert.Single(log.Activities);
    }

    [Theory]
    [InlineData("not-a-token", HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    public async Task A_WebSocket_opened_with_a_bad_token_is_refused_before_the_upgrade(string token, HttpStatusCode expected)
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var url = $"{host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{conversation.ConversationId}/stream" + (token.Length > 0 ? $"?t={token}" : string.Empty);

        Assert.Equal(expected, await RefusedWebSocketStatusAsync(url));
    }

    [Fact]
    public async Task A_WebSocket_for_the_stream_of_a_tampered_token_is_refused()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);
        var tampered = conversation.StreamUrl![..^3] + (conversation.StreamUrl[^3..] == "AAA" ? "BBB" : "AAA");

        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedWebSocketStatusAsync(tampered));
    }

    [Fact]
    public async Task An_unknown_conversation_gets_404()
    {
        await using var host = await DirectLineHost.StartAsync();
        var path = $"{DirectLineClient.Base}/conversations/doesNotExist";

        using var get = await host.Client.SendAsync(HttpMethod.Get, $"{path}/activities", host.Secret, null, Timeout);
        await DirectLineClient.AssertErrorAsync(get, HttpStatusCode.NotFound);
        using var post = await host.Client.PostActivityAsync("doesNotExist", host.Secret, """{"type":"message","text":"hi","from":{"id":"dl_x"}}""", Timeout);
        await DirectLineClient.AssertErrorAsync(post, HttpStatusCode.NotFound);
        using var reconnect = await host.Client.SendAsync(HttpMethod.Get, $"{path}?watermark=", host.Secret, null, Timeout);
        await DirectLineClient.AssertErrorAsync(reconnect, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_valid_token_for_a_conversation_that_does_not_exist_gets_404_also_on_the_stream()
    {
        await using var host = await DirectLineHost.StartAsync();
        var token = host.Services.GetRequiredService<DirectLineTokens>().Issue("vanished", "dl_x");

        using var get = await host.Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Base}/conversations/vanished/activities", token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(get, HttpStatusCode.NotFound);
        using var start = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations", token, null, Timeout);
        await DirectLineClient.AssertErrorAsync(start, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, await RefusedWebSocketStatusAsync($"{host.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/vanished/stream?t={token}"));
    }

    [Fact]
    public async Task Generating_a_token_with_a_token_instead_of_the_secret_gets_403()
    {
        await using var host = await DirectLineHost.StartAsync();
        var conversation = await host.Client.NewConversationAsync(Timeout);

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate", conversation.Token, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refreshing_with_the_secret_gets_400()
    {
        await using var host = await DirectLineHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/refresh", host.Secret, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_user_id_that_does_not_start_with_dl_is_refused_when_generating_a_token()
    {
        await using var host = await DirectLineHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate", host.Secret, DirectLineClient.Json("""{"user":{"id":"admin"}}"""), Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_secret_that_differs_only_slightly_is_not_the_secret()
    {
        await using var host = await DirectLineHost.StartAsync();
        var almost = host.Secret[..^1] + (host.Secret[^1] == '0' ? '1' : '0');

        using var response = await host.Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate", almost, null, Timeout);

        await DirectLineClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>Opens a WebSocket that must be refused and returns the HTTP status of the refusal.</summary>
    internal static async Task<HttpStatusCode> RefusedWebSocketStatusAsync(string url)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), Timeout));
        Assert.NotEqual(WebSocketState.Open, socket.State);
        return socket.HttpStatusCode;
    }
}
