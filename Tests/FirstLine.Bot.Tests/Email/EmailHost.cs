using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The real FirstLine host with the support mailbox configured and background polling off, so a test decides when
/// a poll happens; the bot is a scripted one that answers every mail with two messages. HTTP (the ticket API) and
/// an adjustable clock come from the underlying <see cref="DirectLineHost"/>.
/// </summary>
public sealed class EmailHost : IAsyncDisposable
{
    private EmailHost(DirectLineHost host) => Host = host;

    public DirectLineHost Host { get; }

    public MailboxOptions Mailbox => Get<IOptions<EmailOptions>>().Value.Mailboxes[0];

    public MailboxPoller Poller => Get<MailboxPoller>();

    public EmailOutboxSender Outbox => Get<EmailOutboxSender>();

    public MailProcessor Processor => Get<MailProcessor>();

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="settings">more configuration, e.g. <c>--Email:Mailboxes:0:Smtp:Port=…</c> to go through a proxy</param>
    public static async Task<EmailHost> StartAsync(ScriptedBot bot, TestOutputLoggerProvider log, IEnumerable<string>? settings = null, StorageProvider provider = StorageProvider.Sqlite) =>
        Attach(await DirectLineHost.StartAsync([.. MailServers.MailboxArguments(), .. settings ?? []], services => services.AddSingleton<IBot>(bot), provider), log);

    /// <summary>Stops this host and starts another on the same data, as after a process restart.</summary>
    public async Task<EmailHost> RestartAsync(ScriptedBot bot, TestOutputLoggerProvider log, IEnumerable<string>? settings = null)
    {
        await Host.StopAsync();
        return Attach(await Host.StartSuccessorAsync([.. MailServers.MailboxArguments(), .. settings ?? []], services => services.AddSingleton<IBot>(bot)), log);
    }

    /// <summary>A second host on the same data beside this running one, as a second node would be (on PostgreSQL).</summary>
    public async Task<EmailHost> StartBesideAsync(ScriptedBot bot, TestOutputLoggerProvider log, IEnumerable<string>? settings = null) =>
        Attach(await Host.StartSuccessorAsync([.. MailServers.MailboxArguments(), .. settings ?? []], services => services.AddSingleton<IBot>(bot)), log);

    /// <summary>One poll and one outbox run, as the background loop would do them.</summary>
    public async Task<PollResult> PollAndSendAsync()
    {
        var result = await Poller.PollOnceAsync(Mailbox, CancellationToken.None);
        await Outbox.SendDueAsync(Mailbox.Address!, CancellationToken.None);
        return result;
    }

    /// <summary>Handles the one mail in the inbox and commits, but does not move it: a process dying in between.</summary>
    public async Task<MailDisposition> ProcessWithoutMovingAsync()
    {
        await using var imap = await ImapMailbox.OpenAsync(Mailbox, CancellationToken.None);
        var listing = await imap.ListAsync(null, CancellationToken.None);
        var mail = Assert.Single(listing.New);
        await using var raw = await imap.DownloadAsync(mail.Uid, CancellationToken.None);
        return await Processor.ProcessAsync(Mailbox, listing.Cursor, mail.Uid.Id, raw, CancellationToken.None);
    }

    /// <summary>An admin API key for the ticket REST API.</summary>
    public async Task<string> CreateApiKeyAsync() =>
        (await Get<ApiKeys>().CreateAsync("email-tests", AgentRole.Admin, SupportLevel.Third, "tests", CancellationToken.None)).Key;

    /// <summary>Calls the ticket REST API with <paramref name="key"/>.</summary>
    public async Task<JsonElement> ApiAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = body is null ? null : JsonContent.Create(body);
        using var response = await Host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<List<T>> RowsAsync<T>()
        where T : class
    {
        var contexts = Get<IDbContextFactory<FirstLineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Set<T>().AsNoTracking().ToListAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static EmailHost Attach(DirectLineHost host, TestOutputLoggerProvider log)
    {
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        return new EmailHost(host);
    }
}

/// <summary>Answers every mail with two messages (which must arrive as ONE mail) and remembers what it saw.</summary>
public sealed class ScriptedBot : IBot
{
    public ConcurrentQueue<Activity> Seen { get; } = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        Seen.Enqueue(turnContext.Activity);
        if (turnContext.Activity.IsType(ActivityTypes.Message))
        {
            await turnContext.SendActivityAsync($"Echo: {turnContext.Activity.Text}", cancellationToken: cancellationToken);
            await turnContext.SendActivityAsync("Second answer of the same turn.", cancellationToken: cancellationToken);
        }
    }
}
