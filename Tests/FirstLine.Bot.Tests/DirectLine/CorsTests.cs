using System.Net;

namespace FirstLine.Bot.Tests.DirectLine;

/// <summary>Any website may embed Web Chat pointing at FirstLine: the browser's preflight must pass.</summary>
public sealed class CorsTests
{
    private const string Origin = "https://intranet.customer.example";

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    [Theory]
    [InlineData("conversations", "POST")]
    [InlineData("tokens/refresh", "POST")]
    [InlineData("conversations/abc/activities", "GET")]
    [InlineData("conversations/abc/activities", "POST")]
    [InlineData("conversations/abc/upload", "POST")]
    public async Task A_preflight_from_another_origin_allows_the_headers_Web_Chat_sends(string path, string method)
    {
        await using var host = await DirectLineHost.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{DirectLineClient.Base}/{path}");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await host.Http.SendAsync(preflight, Timeout);

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        var allowedHeaders = Single(response, "Access-Control-Allow-Headers").Split(',', StringSplitOptions.TrimEntries);
        foreach (var header in new[] { "Authorization", "Content-Type", "x-ms-bot-agent", "X-Requested-With" })
        {
            Assert.Contains(allowedHeaders, h => h.Equals(header, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(method, Single(response, "Access-Control-Allow-Methods"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answers_including_refusals_carry_the_allow_origin_header_so_the_page_can_read_them()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var refused = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/conversations");
        refused.Headers.Add("Origin", Origin);
        using var generate = DirectLineClient.Request(HttpMethod.Post, $"{DirectLineClient.Base}/tokens/generate", host.Secret);
        generate.Headers.Add("Origin", Origin);

        using var refusal = await host.Http.SendAsync(refused, Timeout);
        using var success = await host.Http.SendAsync(generate, Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        Assert.Equal("*", Single(refusal, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, success.StatusCode);
        Assert.Equal("*", Single(success, "Access-Control-Allow-Origin"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"The response has no {header} header (status {(int)response.StatusCode}).");
}
