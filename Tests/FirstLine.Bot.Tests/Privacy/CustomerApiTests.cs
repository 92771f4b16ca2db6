using System.Net;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Agents;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Privacy;

public abstract class CustomerApiTests(StorageProvider provider) : IAsyncLifetime
{
    private AgentApiHost api = null!;
    private TicketRow ticket = null!;

    public async Task InitializeAsync()
    {
        api = await AgentApiHost.StartAsync(provider: provider);
        ticket = await api.CreateTicketAsync(customerName: "Zora Quellmann", description: "Zoras Drucker XQ-7731 brennt");
        await api.Get<TicketService>().UpdateAsync(ticket.Number, "bot", t => t.Customer!.Email = "zora@example.test", null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Theory]
    [InlineData("GET", "api/customers/zora@example.test/export")]
    [InlineData("DELETE", "api/customers/zora@example.test")]
    [InlineData("GET", "api/tickets/FL-00001/requester/export")]
    [InlineData("DELETE", "api/tickets/FL-00001/requester")]
    public async Task Without_a_key_401_and_with_an_agent_key_403(string method, string path)
    {
        var agentKey = await api.CreateKeyAsync(AgentRole.Agent, SupportLevel.Third);
        using var anonymous = api.Request(new HttpMethod(method), path, key: null);

        using var unauthenticated = await api.Host.Http.SendAsync(anonymous);
        using var forbidden = await api.SendAsync(new HttpMethod(method), path, key: agentKey);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Zoras Drucker XQ-7731 brennt", (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!.Description);
    }

    [Fact]
    public async Task An_admin_exports_then_erases_a_customer_and_a_second_erase_is_404()
    {
        using var export = await api.SendAsync(HttpMethod.Get, "api/customers/Zora%40Example.test/export");
        var exported = await AgentApiHost.JsonAsync(export);
        using var erase = await api.SendAsync(HttpMethod.Delete, "api/customers/zora@example.test");
        var erased = await AgentApiHost.JsonAsync(erase);
        using var again = await api.SendAsync(HttpMethod.Delete, "api/customers/zora@example.test");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("Zoras Drucker XQ-7731 brennt", exported.GetProperty("tickets")[0].GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(ticket.Number, erased.GetProperty("tickets")[0].GetString());
        Assert.Equal(1, erased.GetProperty("erased").GetProperty("customers").GetInt32());
        Assert.Equal("[erased]", (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!.Description);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Customer not found", (await AgentApiHost.JsonAsync(again)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_requester_of_a_ticket_can_be_exported_and_erased_by_ticket_number()
    {
        using var export = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}/requester/export");
        using var erase = await api.SendAsync(HttpMethod.Delete, $"api/tickets/{ticket.Number}/requester");
        using var unknown = await api.SendAsync(HttpMethod.Get, "api/tickets/FL-99999/requester/export");

        Assert.Equal("zora@example.test", (await AgentApiHost.JsonAsync(export)).GetProperty("customers")[0].GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_path_that_is_no_address_gets_400()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "api/customers/not-an-address/export");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not an e-mail address", (await AgentApiHost.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_customer_requests()
    {
        // The first generation of the document is slow on a busy machine; this is not a speed test.
        using var patient = new HttpClient { BaseAddress = api.Host.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        using var response = await patient.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
        var paths = (await AgentApiHost.JsonAsync(response)).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/customers/{email}/export").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/customers/{email}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/tickets/{number}/requester").TryGetProperty("delete", out _));
    }
}

public sealed class CustomerApiOnSqliteTests() : CustomerApiTests(StorageProvider.Sqlite);

public sealed class CustomerApiOnPostgreSqlTests() : CustomerApiTests(StorageProvider.PostgreSql);
