using FirstLine.Channels.DirectLine;

namespace FirstLine.Bot.WebChat;

/// <summary>
/// The demo page's same-origin token endpoint: it exchanges the server-side secret for a conversation
/// token, so the secret never reaches the browser, and resumes the browser's earlier conversation.
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/webchat/token", async (HttpContext http, DirectLineService directLine, WebChatSessionCookie cookie, CancellationToken ct) =>
        {
            var locale = http.Request.Query["locale"].ToString() is { Length: > 0 and <= 16 } requested ? requested : null;
            var owned = cookie.Unprotect(http.Request.Cookies[WebChatSessionCookie.Name]);
            var existing = owned is null ? null : await directLine.FindConversationAsync(owned, ct);
            if (existing is not null)
            {
                var token = directLine.Tokens.Issue(existing.Id, existing.UserId);
                return Results.Ok(new WebChatToken(token, existing.Id, existing.UserId, (int)directLine.Tokens.Lifetime.TotalSeconds, Resumed: true));
            }

            var fresh = await directLine.GenerateTokenAsync(DirectLineCaller.Secret, new TokenParameters { Locale = locale }, ct);
            var conversation = await directLine.RequireConversationAsync(fresh.ConversationId, ct);
            http.Response.Cookies.Append(WebChatSessionCookie.Name, cookie.Protect(conversation.Id), new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = WebChatSessionCookie.Lifetime,
                IsEssential = true,
            });
            return Results.Ok(new WebChatToken(fresh.Token, conversation.Id, conversation.UserId, fresh.ExpiresIn, Resumed: false));
        });

        endpoints.MapPost("/api/webchat/new", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(WebChatSessionCookie.Name);
            return Results.NoContent();
        });
        return endpoints;
    }

    private sealed record WebChatToken(string Token, string ConversationId, string UserId, int ExpiresIn, bool Resumed);
}
