using System.Collections.Concurrent;
using System.Security.Cryptography;
using FirstLine.Bot.Email;
using FirstLine.Bot.Hosting;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Support;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The real FirstLine host with the support mailbox configured and background polling off, so a test decides when
/// a poll happens; the bot is a scripted one that answers every mail with two messages.
/// </summary>
public sealed class EmailHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmailHost(WebApplication app) => this.app = app;

    public MailboxOptions Mailbox => app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Mailboxes[0];

    public MailboxPoller Poller => app.Services.GetRequiredService<MailboxPoller>();

    public EmailOutboxSender Outbox => app.Services.GetRequiredService<EmailOutboxSender>();

    public MailProcessor Processor => app.Services.GetRequiredService<MailProcessor>();

    public static async Task<EmailHost> StartAsync(string dataDirectory, ScriptedBot bot, TestOutputLoggerProvider log)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--DirectLine:Secret={Convert.ToHexString(RandomNumberGenerator.GetBytes(32))}",
            "--environment", "Production",
            .. MailServers.MailboxArguments(),
        ];
        var app = FirstLineApp.Create(args, services => services.AddSingleton<IBot>(bot));
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync();
        return new EmailHost(app);
    }

    /// <summary>One poll and one outbox run, as the background loop would do them.</summary>
    public async Task<PollResult> PollAndSendAsync()
    {
        var result = await Poller.PollOnceAsync(Mailbox, CancellationToken.None);
        await Outbox.SendDueAsync(Mailbox.Address!, CancellationToken.None);
        return result;
    }

    public async Task<List<T>> RowsAsync<T>()
        where T : class
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<FirstLineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Set<T>().AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
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
