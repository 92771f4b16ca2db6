using Microsoft.AspNetCore.Http.Extensions;

namespace FirstLine.Bot.Agents.Console;

/// <summary>
/// Which language the console speaks to an agent: the switch (a cookie) wins, then the browser's
/// Accept-Language, then English.
/// </summary>
public static class ConsoleLanguage
{
    public const string CookieName = "FirstLine.Console.Lang";

    public static string FromRequest(HttpContext? context)
    {
        if (context is null)
        {
            return "en";
        }

        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && Normalize(chosen) is { } fromCookie)
        {
            return fromCookie;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return accepted ?? "en";
    }

    public static string? Normalize(string? language) => language switch
    {
        null => null,
        _ when language.StartsWith("de", StringComparison.OrdinalIgnoreCase) => "de",
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => null,
    };

    /// <summary>The language switch: remembers the choice for a year and goes back to the page (local URLs only).</summary>
    internal static IResult Switch(HttpContext context, string language, string? returnUrl)
    {
        var chosen = Normalize(language) ?? "en";
        context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/agent",
            MaxAge = TimeSpan.FromDays(365),
        });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/agent");
    }

    /// <summary>Only paths on this site, so the switch cannot be used as an open redirect.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    internal static string CurrentPathAndQuery(HttpContext context) =>
        UriHelper.BuildRelative(context.Request.PathBase, context.Request.Path, context.Request.QueryString);
}
