using System.Net;
using System.Text.Json;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>
/// The demo page's same-origin token endpoint <c>POST /api/webchat/token</c> (Bot/WebChat): the secret stays on the
/// server, and an HttpOnly cookie brings the browser back to its own conversation — never to someone else's.
/// </summary>
public sealed class WebChatTokenTests
{
    private const string CookieName = "FirstLine.WebChat";

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Fact]
    public async Task The_first_call_sets_an_HttpOnly_cookie_and_returns_a_token_for_a_new_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();

        var (token, cookie) = await RequestTokenAsync(host, cookie: null);

        Assert.False(token.Resumed);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie.Attributes, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie.Attributes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.Secret, cookie.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Secret, token.Raw, StringComparison.Ordinal);
        Assert.StartsWith("dl_", token.UserId, StringComparison.Ordinal);

        // The token really is a Direct Line token of that conversation.
        var (status, started) = await host.Client.StartConversationAsync(token.Token, Timeout);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(token.ConversationId, started.ConversationId);
    }

    [Fact]
    public async Task A_second_call_with_the_cookie_resumes_the_same_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (first, cookie) = await RequestTokenAsync(host, cookie: null);
        await host.Client.StartConversationAsync(first.Token, Timeout);

        var (second, _) = await RequestTokenAsync(host, cookie!.Value);

        Assert.True(second.Resumed);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(first.UserId, second.UserId);
        var log = await host.Client.GetActivitiesAsync(second.ConversationId, second.Token, null, Timeout);
        Assert.Single(log.Activities);
    }

    [Fact]
    public async Task A_tampered_cookie_gets_a_new_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (first, cookie) = await RequestTokenAsync(host, cookie: null);
        var value = cookie!.Value;
        var tampered = value[..^1] + (value[^1] == 'A' ? 'B' : 'A');

        var (second, newCookie) = await RequestTokenAsync(host, tampered);

        Assert.False(second.Resumed);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotNull(newCookie);
    }

    [Fact]
    public async Task Someone_elses_conversation_cannot_be_claimed_by_putting_its_id_in_the_cookie()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (victim, victimCookie) = await RequestTokenAsync(host, cookie: null);
        var (_, attackerCookie) = await RequestTokenAsync(host, cookie: null);
        var attackerSignature = attackerCookie!.Value[(attackerCookie.Value.LastIndexOf('.') + 1)..];

        foreach (var forged in new[] { victim.ConversationId, $"{victim.ConversationId}.{attackerSignature}", $"{victim.ConversationId}.", $"{victim.ConversationId}.{victimCookie!.Value}" })
        {
            var (got, _) = await RequestTokenAsync(host, forged);
            Assert.False(got.Resumed);
            Assert.NotEqual(victim.ConversationId, got.ConversationId);
        }
    }

    [Fact]
    public async Task The_locale_asked_for_is_the_conversations_language()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (token, _) = await RequestTokenAsync(host, cookie: null, "?locale=de-DE");

        await host.Client.StartConversationAsync(token.Token, Timeout, "{}");

        var log = await host.Client.GetActivitiesAsync(token.ConversationId, token.Token, null, Timeout);
        Assert.StartsWith("Hallo!", Assert.Single(log.Activities).Text, StringComparison.Ordinal);
    }

    private static async Task<(WebChatToken Token, SetCookie? Cookie)> RequestTokenAsync(DirectLineHost host, string? cookie, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/webchat/token{query}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }

        using var response = await host.Http.SendAsync(request, Timeout);
        await DirectLineClient.EnsureStatusAsync(response, HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync(Timeout);
        using var json = JsonDocument.Parse(raw);
        var root = json.RootElement;
        var token = new WebChatToken(
            root.GetProperty("token").GetString()!,
            root.GetProperty("conversationId").GetString()!,
            root.GetProperty("userId").GetString()!,
            root.GetProperty("resumed").GetBoolean(),
            raw);
        SetCookie? set = null;
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            var line = values.Single(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal));
            var semicolon = line.IndexOf(';', StringComparison.Ordinal);
            set = new SetCookie(line[(CookieName.Length + 1)..(semicolon < 0 ? line.Length : semicolon)], semicolon < 0 ? string.Empty : line[semicolon..]);
        }

        return (token, set);
    }

    private sealed record WebChatToken(string Token, string ConversationId, string UserId, bool Resumed, string Raw);

    private sealed record SetCookie(string Value, string Attributes);
}
