using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Agents;

/// <summary>The real host over HTTP with an admin API key, and helpers to make tickets and call the API.</summary>
public sealed class AgentApiHost : IAsyncDisposable
{
    private static int conversationCounter;

    private AgentApiHost(DirectLineHost host, string adminKey)
    {
        Host = host;
        AdminKey = adminKey;
    }

    public DirectLineHost Host { get; }

    public string AdminKey { get; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<AgentApiHost> StartAsync(IEnumerable<string>? settings = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        var host = await DirectLineHost.StartAsync(settings, provider: provider);
        var key = await host.Services.GetRequiredService<ApiKeys>().CreateAsync("tests", AgentRole.Admin, SupportLevel.Third, "tests", CancellationToken.None);
        return new AgentApiHost(host, key.Key);
    }

    public async Task<string> CreateKeyAsync(AgentRole role, SupportLevel level) =>
        (await Get<ApiKeys>().CreateAsync($"{role}-{level}", role, level, "tests", CancellationToken.None)).Key;

    /// <summary>A ticket on the Direct Line channel (or <paramref name="channel"/>), handed to level 2 in <paramref name="queue"/>.</summary>
    public async Task<TicketRow> CreateTicketAsync(
        string subject = "Drucker druckt nicht",
        string queue = "hardware",
        string language = "de",
        string channel = "directline",
        string? customerName = "Anna Muster",
        string description = "Mein Drucker druckt nicht mehr.")
    {
        var conversation = $"conv-{Interlocked.Increment(ref conversationCounter)}-{Guid.NewGuid():N}";
        var reference = $$"""{"channelId":"{{channel}}","conversation":{"id":"{{conversation}}"},"user":{"id":"user-{{conversation}}"},"bot":{"id":"firstline"},"locale":"{{language}}"}""";
        var tickets = Get<TicketService>();
        var ticket = await tickets.CreateAsync(
            new NewTicket(channel, conversation, $"user-{conversation}", subject, description) { CustomerName = customerName, Language = language, ConversationReferenceJson = reference },
            "bot",
            CancellationToken.None);
        return await tickets.UpdateAsync(ticket.Number, "bot", t => { t.Queue = queue; t.Level = SupportLevel.Second; }, null, CancellationToken.None);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null, string? ifMatch = null)
    {
        using var request = Request(method, path, key ?? AdminKey, body);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Host.Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
