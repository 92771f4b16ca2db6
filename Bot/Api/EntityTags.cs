using Microsoft.Net.Http.Headers;

namespace FirstLine.Bot.Api;

/// <summary>Ticket versions as HTTP entity tags (<c>ETag</c> out, <c>If-Match</c> in).</summary>
internal static class EntityTags
{
    public static void Set(HttpResponse response, string etag) => response.Headers.ETag = $"\"{etag}\"";

    /// <summary>The version the client expects, or null when it sent none (or <c>*</c>).</summary>
    public static string? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        return EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Count > 0
            ? tags[0].Tag.ToString().Trim('"')
            : header.Trim().Trim('"');
    }
}
