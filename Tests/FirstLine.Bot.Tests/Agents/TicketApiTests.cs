using System.Net;
using System.Text.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Agents;

public abstract class TicketApiTests(StorageProvider provider) : IAsyncLifetime
{
    private AgentApiHost api = null!;

    public async Task InitializeAsync() => api = await AgentApiHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Filters_combine_and_pages_carry_the_total()
    {
        for (var i = 0; i < 5; i++)
        {
            await api.CreateTicketAsync(subject: $"Drucker {i}", queue: "hardware", language: "de");
        }

        var vpn = await api.CreateTicketAsync(subject: "VPN bricht ab", queue: "network", language: "en", customerName: "Bob Builder");
        var agent = await api.Get<AgentDirectory>().CreateAsync(new NewAgent("kim@example.test", "Kim", "correct horse battery", AgentRole.Agent, SupportLevel.Third), CancellationToken.None);
        await api.Get<TicketService>().UpdateAsync(vpn.Number, "test", t => { t.Level = SupportLevel.Third; t.AssigneeId = agent.AgentId; t.Status = TicketStatus.Pending; }, null, CancellationToken.None);

        var page1 = await ListAsync("api/tickets?queue=hardware&pageSize=2&page=1");
        var page3 = await ListAsync("api/tickets?queue=hardware&pageSize=2&page=3");
        Assert.Equal((5, 2), (page1.GetProperty("total").GetInt32(), page1.GetProperty("items").GetArrayLength()));
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());

        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?language=en")));
        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?level=3")));
        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?status=Pending")));
        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?assignee=kim@example.test")));
        Assert.Equal(vpn.Number, Single(await ListAsync($"api/tickets?assignee={agent.AgentId}")));
        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?text=bob")));
        Assert.Equal(vpn.Number, Single(await ListAsync("api/tickets?text=VPN&queue=network&status=Pending,Open")));
        Assert.Equal(5, (await ListAsync("api/tickets?assignee=none")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ListAsync("api/tickets?text=%25")).GetProperty("total").GetInt32());

        using var badStatus = await api.SendAsync(HttpMethod.Get, "api/tickets?status=Sleeping");
        using var badPage = await api.SendAsync(HttpMethod.Get, "api/tickets?pageSize=1000");
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badStatus.StatusCode, badPage.StatusCode));
        Assert.Contains("Sleeping", (await AgentApiHost.JsonAsync(badStatus)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_json_has_the_agreed_fields()
    {
        var ticket = await api.CreateTicketAsync();
        var item = (await ListAsync("api/tickets")).GetProperty("items")[0];

        foreach (var field in new[] { "number", "status", "priority", "level", "channel", "language", "subject", "requester", "createdAt" })
        {
            Assert.True(item.TryGetProperty(field, out _), field);
        }

        Assert.Equal((ticket.Number, "New", "P4", 2, "directline", "de"), (item.GetProperty("number").GetString(), item.GetProperty("status").GetString(), item.GetProperty("priority").GetString(), item.GetProperty("level").GetInt32(), item.GetProperty("channel").GetString(), item.GetProperty("language").GetString()));
        Assert.Equal("Anna Muster", item.GetProperty("requester").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_change_is_applied_and_on_the_audit_trail_with_the_key_as_actor()
    {
        var ticket = await api.CreateTicketAsync();
        var agent = await api.Get<AgentDirectory>().CreateAsync(new NewAgent("lee@example.test", "Lee", "correct horse battery", AgentRole.Agent, SupportLevel.Third), CancellationToken.None);

        await PatchOkAsync(ticket.Number, new { status = "Pending" });
        await PatchOkAsync(ticket.Number, new { priority = "P2" });
        await PatchOkAsync(ticket.Number, new { level = 3 });
        var assigned = await PatchOkAsync(ticket.Number, new { assignee = "lee@example.test" });
        Assert.Equal("Lee", assigned.GetProperty("assignee").GetProperty("name").GetString());
        var unassigned = await PatchOkAsync(ticket.Number, new { assignee = (string?)null });
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("assignee").ValueKind);
        await PatchOkAsync(ticket.Number, new { status = "Resolved" });

        using var detail = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        var audit = (await AgentApiHost.JsonAsync(detail)).GetProperty("audit").EnumerateArray()
            .Where(a => a.GetProperty("action").GetString() == "changed")
            .Select(a => (Actor: a.GetProperty("actor").GetString(), Field: a.GetProperty("field").GetString(), Old: a.GetProperty("oldValue").GetString(), New: a.GetProperty("newValue").GetString()))
            .ToList();
        Assert.All(audit.Where(a => a.Actor != "bot"), a => Assert.StartsWith("apikey:", a.Actor, StringComparison.Ordinal));
        Assert.Contains(audit, a => a is { Field: "Status", Old: "New", New: "Pending" });
        Assert.Contains(audit, a => a is { Field: "Priority", Old: "P4", New: "P2" });
        Assert.Contains(audit, a => a is { Field: "Level", Old: "Second", New: "Third" });
        Assert.Contains(audit, a => a.Field == "AssigneeId" && a.New == agent.AgentId);
        Assert.Contains(audit, a => a.Field == "AssigneeId" && a.Old == agent.AgentId && a.New == null);
        Assert.Contains(audit, a => a is { Field: "Status", Old: "Pending", New: "Resolved" });
    }

    [Fact]
    public async Task An_illegal_transition_is_409_with_the_allowed_ones()
    {
        var ticket = await api.CreateTicketAsync();
        await PatchOkAsync(ticket.Number, new { status = "Closed" });

        using var response = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{ticket.Number}", new { status = "Pending" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await AgentApiHost.JsonAsync(response);
        Assert.Equal("Closed", problem.GetProperty("current").GetString());
        Assert.Equal("Reopened", Assert.Single(problem.GetProperty("allowed").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_stale_etag_is_412_and_the_current_one_works()
    {
        var ticket = await api.CreateTicketAsync();
        using var read = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        var etag = read.Headers.ETag!.ToString();

        await PatchOkAsync(ticket.Number, new { priority = "P3" });
        using var stale = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{ticket.Number}", new { priority = "P1" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(412, (await AgentApiHost.JsonAsync(stale)).GetProperty("status").GetInt32());

        using var fresh = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        using var current = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{ticket.Number}", new { priority = "P1" }, ifMatch: fresh.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("P1", (await AgentApiHost.JsonAsync(current)).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Unknown_tickets_are_404_everywhere()
    {
        using var get = await api.SendAsync(HttpMethod.Get, "api/tickets/FL-99999");
        using var patch = await api.SendAsync(HttpMethod.Patch, "api/tickets/FL-99999", new { status = "Open" });
        using var note = await api.SendAsync(HttpMethod.Post, "api/tickets/FL-99999/notes", new { text = "x" });
        using var reply = await api.SendAsync(HttpMethod.Post, "api/tickets/FL-99999/replies", new { text = "x" });

        Assert.All([get, patch, note, reply], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_100_KB_note_is_kept_and_a_bigger_one_is_413()
    {
        var ticket = await api.CreateTicketAsync();
        var note = new string('n', 100 * 1024);

        using var ok = await api.SendAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/notes", new { text = note });
        using var tooBig = await api.SendAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/notes", new { text = note + "!" });
        using var huge = await SendHugeNoteAsync(ticket.Number);

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
        var stored = (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!;
        Assert.Equal(note, Assert.Single(stored.Notes).Text);
        Assert.Contains(stored.Audit, a => a.Action == "note-added" && a.Actor.StartsWith("apikey:", StringComparison.Ordinal));
    }

    /// <summary>
    /// A 3 MB note sent as a careful client sends a large body: with its length and <c>Expect: 100-continue</c>, so the
    /// server refuses it before the body is on the wire. (Streamed without either, the server's 413 and its closing of
    /// the connection race the client still writing, which then sees a broken pipe instead of the answer.)
    /// </summary>
    private async Task<HttpResponseMessage> SendHugeNoteAsync(string ticketNumber)
    {
        using var request = api.Request(HttpMethod.Post, $"api/tickets/{ticketNumber}/notes", api.AdminKey);
        request.Content = new StringContent(JsonSerializer.Serialize(new { text = new string('h', 3 * 1024 * 1024) }), System.Text.Encoding.UTF8, "application/json");
        request.Headers.ExpectContinue = true;
        return await api.Host.Http.SendAsync(request);
    }

    [Fact]
    public async Task Customer_script_comes_back_as_json_text_not_markup()
    {
        const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var ticket = await api.CreateTicketAsync(subject: Script, description: Script, customerName: "<b>Mallory</b>");

        using var response = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        var raw = await response.Content.ReadAsStringAsync();

        // JSON, and browsers are told not to guess another type: the text can never run as markup from here.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var detail = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(Script, detail.GetProperty("ticket").GetProperty("subject").GetString());
        Assert.Equal(Script, detail.GetProperty("description").GetString());
        Assert.Equal("<b>Mallory</b>", detail.GetProperty("ticket").GetProperty("requester").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_reply_reaches_the_customers_direct_line_conversation_and_is_on_the_ticket()
    {
        var conversation = await api.Host.Client.NewConversationAsync(CancellationToken.None);
        var ticket = await api.CreateTicketAsync();
        await RetargetAsync(ticket.Number, conversation.ConversationId);

        using var response = await api.SendAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/replies", new { text = "Bitte starten Sie den Drucker neu." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await AgentApiHost.JsonAsync(response);
        Assert.True(body.GetProperty("delivered").GetBoolean());
        var page = await api.Host.Client.WaitForActivitiesAsync(conversation, null, a => a.Any(x => x.Text == "Bitte starten Sie den Drucker neu."), CancellationToken.None);
        Assert.StartsWith("agent:", page.Activities.Single(x => x.Text == "Bitte starten Sie den Drucker neu.").From!.Id, StringComparison.Ordinal);
        var stored = (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!;
        Assert.NotNull(stored.FirstRespondedAt);
        Assert.Contains(stored.Audit, a => a.Action == "reply-sent");
    }

    [Fact]
    public async Task A_reply_whose_channel_is_gone_is_kept_and_said_so_then_retried()
    {
        var ticket = await api.CreateTicketAsync(channel: "sms");

        using var response = await api.SendAsync(HttpMethod.Post, $"api/tickets/{ticket.Number}/replies", new { text = "Wir melden uns." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await AgentApiHost.JsonAsync(response);
        Assert.False(body.GetProperty("delivered").GetBoolean());
        Assert.Equal("Pending", body.GetProperty("reply").GetProperty("status").GetString());
        Assert.Contains("kept on the ticket", body.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var detail = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        var reply = Assert.Single((await AgentApiHost.JsonAsync(detail)).GetProperty("replies").EnumerateArray());
        Assert.Equal("Wir melden uns.", reply.GetProperty("text").GetString());

        api.Host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await api.Get<PendingReplySender>().SendDueAsync(CancellationToken.None));
        using var again = await api.SendAsync(HttpMethod.Get, $"api/tickets/{ticket.Number}");
        Assert.Equal(2, Assert.Single((await AgentApiHost.JsonAsync(again)).GetProperty("replies").EnumerateArray()).GetProperty("attempts").GetInt32());
    }

    private async Task RetargetAsync(string number, string conversationId) =>
        await api.Get<TicketService>().UpdateAsync(
            number,
            "test",
            t =>
            {
                t.ConversationId = conversationId;
                t.ConversationReferenceJson = $$"""{"channelId":"directline","conversation":{"id":"{{conversationId}}"},"user":{"id":"u"},"bot":{"id":"firstline"},"locale":"de"}""";
            },
            null,
            CancellationToken.None);

    private async Task<JsonElement> ListAsync(string path)
    {
        using var response = await api.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AgentApiHost.JsonAsync(response);
    }

    private static string? Single(JsonElement page)
    {
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        return page.GetProperty("items")[0].GetProperty("number").GetString();
    }

    private async Task<JsonElement> PatchOkAsync(string number, object body)
    {
        using var response = await api.SendAsync(HttpMethod.Patch, $"api/tickets/{number}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.ETag);
        return await AgentApiHost.JsonAsync(response);
    }
}

public sealed class TicketApiOnSqliteTests() : TicketApiTests(StorageProvider.Sqlite);

public sealed class TicketApiOnPostgreSqlTests() : TicketApiTests(StorageProvider.PostgreSql);
