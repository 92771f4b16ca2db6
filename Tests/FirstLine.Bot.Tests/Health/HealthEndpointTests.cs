using System.Net;
using System.Text.Json;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;

namespace FirstLine.Bot.Tests.Health;

/// <summary>A load balancer asks <c>/health/live</c> and <c>/health/ready</c> without credentials and gets JSON it can read.</summary>
public abstract class HealthEndpointTests(StorageProvider provider)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Live_answers_without_credentials_and_runs_no_checks()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);

        using var response = await host.Http.GetAsync(new Uri("/health/live", UriKind.Relative), Timeout);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Timeout));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Ready_checks_the_database_and_the_mailboxes_and_reveals_no_connection_details()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);

        using var response = await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), Timeout);
        var text = await response.Content.ReadAsStringAsync(Timeout);
        using var body = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["mailboxes"]);
        Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data Source", text, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HealthEndpointOnSqliteTests() : HealthEndpointTests(StorageProvider.Sqlite);

public sealed class HealthEndpointOnPostgreSqlTests() : HealthEndpointTests(StorageProvider.PostgreSql);
