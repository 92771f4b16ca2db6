using System.Net;
using System.Text.RegularExpressions;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>The console over plain HTTP, like a browser's network tab: cookies kept, redirects shown, the sign-in form posted.</summary>
public static partial class ConsoleBrowser
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Open(string baseUrl)
    {
#pragma warning disable CA2000 // The client owns and disposes the handler.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>Fills in the sign-in form (with its antiforgery token) and posts it; returns the redirect.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string returnUrl = "/agent")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var login = await browser.GetStringAsync("/agent/login");
        var token = AntiforgeryField().Match(login).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries no antiforgery token");
        return await browser.PostAsync("/agent/signin", Form(("email", email), ("password", password), ("returnUrl", returnUrl), ("__RequestVerificationToken", token)));
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
