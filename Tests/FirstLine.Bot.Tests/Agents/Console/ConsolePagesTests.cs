using System.Net;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>The console over HTTP: sign-in required, antiforgery on the form posts, lockout messages, language.</summary>
public sealed class ConsolePagesTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private ConsoleTestHost api = null!;

    public async Task InitializeAsync()
    {
        api = await ConsoleTestHost.StartAsync();
        await api.Get<AgentDirectory>().CreateAsync(new NewAgent("bernd@example.test", "Bernd Keller", Password, AgentRole.Agent, SupportLevel.Second), CancellationToken.None);
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/tickets/FL-00001")]
    [InlineData("/agent/tickets/FL-00001/attachments/1")]
    public async Task Every_console_page_sends_an_anonymous_browser_to_sign_in(string path)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/agent/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_fetching_a_file_without_the_sign_in_cookie_gets_401_not_the_file()
    {
        using var script = ConsoleBrowser.Open(api.Host.BaseUrl);
        script.DefaultRequestHeaders.Accept.Clear();
        script.DefaultRequestHeaders.Accept.ParseAdd("*/*");

        using var response = await script.GetAsync("/agent/tickets/FL-00001/attachments/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = Browser();

        using var response = await browser.PostAsync("/agent/signin", Form(("email", "bernd@example.test"), ("password", Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_the_right_one_opens_the_queue()
    {
        using var browser = Browser();

        using var wrong = await SignInAsync(browser, "not the password");
        Assert.Equal("/agent/login?error=invalid&ReturnUrl=%2Fagent", wrong.Headers.Location!.OriginalString);
        var page = await browser.GetStringAsync(wrong.Headers.Location);
        Assert.Contains("Email or password is wrong.", page, StringComparison.Ordinal);

        using var right = await SignInAsync(browser, Password);
        Assert.Equal("/agent", right.Headers.Location!.OriginalString);
        var queue = await browser.GetStringAsync("/agent");
        Assert.Contains("Bernd Keller", queue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"queue\"", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_speaks_German_to_a_German_browser_and_follows_the_switch()
    {
        using var browser = Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");

        Assert.Contains(">Anmelden</h1>", await browser.GetStringAsync("/agent/login"), StringComparison.Ordinal);

        using var switched = await browser.GetAsync("/agent/language/en?returnUrl=%2Fagent%2Flogin");
        Assert.Equal("/agent/login", switched.Headers.Location!.OriginalString);
        Assert.Contains(">Sign in</h1>", await browser.GetStringAsync("/agent/login"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SignInAsync(HttpClient browser, string password) =>
        ConsoleBrowser.SignInAsync(browser, "bernd@example.test", password);

    private HttpClient Browser() => ConsoleBrowser.Open(api.Host.BaseUrl);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => ConsoleBrowser.Form(fields);
}
