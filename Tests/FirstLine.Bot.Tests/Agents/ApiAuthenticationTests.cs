using System.Net;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Agents;

public abstract class ApiAuthenticationTests(StorageProvider provider) : IAsyncLifetime
{
    private AgentApiHost api = null!;

    public async Task InitializeAsync() => api = await AgentApiHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Without_a_key_the_api_answers_401_with_problem_details_and_a_bearer_challenge()
    {
        using var request = api.Request(HttpMethod.Get, "api/tickets", key: null);
        using var response = await api.Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await AgentApiHost.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("flk_0123456789abcdef_not-the-secret")]
    [InlineData("garbage")]
    public async Task Unknown_or_forged_keys_get_401(string key)
    {
        using var response = await api.SendAsync(HttpMethod.Get, "api/tickets", key: key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_from_its_next_request()
    {
        var created = await api.Get<ApiKeys>().CreateAsync("to-revoke", AgentRole.Agent, SupportLevel.Second, "tests", CancellationToken.None);
        using (var before = await api.SendAsync(HttpMethod.Get, "api/tickets", key: created.Key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await api.Get<ApiKeys>().RevokeAsync(created.Info.Id, CancellationToken.None));

        using var after = await api.SendAsync(HttpMethod.Get, "api/tickets", key: created.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.False(await api.Get<ApiKeys>().RevokeAsync(created.Info.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_agent_key_may_not_use_admin_endpoints()
    {
        var agentKey = await api.CreateKeyAsync(AgentRole.Agent, SupportLevel.Third);

        using var forbidden = await api.SendAsync(HttpMethod.Get, "api/agents", key: agentKey);
        using var allowed = await api.SendAsync(HttpMethod.Get, "api/agents");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_level_two_key_may_escalate_to_level_three_but_not_act_there_afterwards()
    {
        var levelTwo = await api.CreateKeyAsync(AgentRole.Agent, SupportLevel.Second);
        var ticket = await api.CreateTicketAsync();

        using var escalate = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{ticket.Number}", new { level = 3 }, levelTwo);
        using var change = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{ticket.Number}", new { priority = "P1" }, levelTwo);
        using var note = await api.SendAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/notes", new { text = "still mine?" }, levelTwo);
        using var read = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}", key: levelTwo);

        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ticket_api_and_its_bearer_scheme()
    {
        using var response = await api.Host.Http.GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await AgentApiHost.JsonAsync(response);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tickets", out _));
        Assert.True(paths.TryGetProperty("/api/tickets/{number}", out var single));
        Assert.True(single.TryGetProperty("patch", out _));
        Assert.True(paths.TryGetProperty("/api/tickets/{number}/notes", out _));
        Assert.True(paths.TryGetProperty("/api/tickets/{number}/replies", out _));
        Assert.True(paths.TryGetProperty("/api/tickets/{number}/attachments", out _));
        Assert.True(paths.TryGetProperty("/api/tickets/{number}/attachments/{id}", out var file));
        Assert.Equal("DownloadTicketAttachment", file.GetProperty("get").GetProperty("operationId").GetString());
        Assert.False(paths.TryGetProperty("/v3/directline/conversations", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}

public sealed class ApiAuthenticationOnSqliteTests() : ApiAuthenticationTests(StorageProvider.Sqlite);

public sealed class ApiAuthenticationOnPostgreSqlTests() : ApiAuthenticationTests(StorageProvider.PostgreSql);
