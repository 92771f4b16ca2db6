using System.Security.Cryptography;
using FirstLine.Bot.Email;
using FirstLine.Bot.Hosting;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using FirstLine.KnowledgeBase.Search;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Commands.Eval.Mime;

/// <summary>
/// The real FirstLine app (appsettings.json, the support bot and its knowledge base, the email channel's
/// <see cref="MailProcessor"/>) on a SQLite database of its own, never the configured one, with an evaluation mailbox
/// that no server backs: mail goes through exactly what the poller calls for each downloaded mail, and nothing is
/// sent (answers stay in the outbox). Web server and scheduler are not started.
/// </summary>
internal sealed class MimeEvaluationHost : IAsyncDisposable
{
    public const string Address = "support@eval.firstline.invalid";

    private static readonly MailboxCursor Cursor = new(1, 0);
    private readonly WebApplication app;
    private readonly string? temporaryFolder;

    private MimeEvaluationHost(WebApplication app, string? temporaryFolder)
    {
        this.app = app;
        this.temporaryFolder = temporaryFolder;
    }

    public long MaxMessageBytes => Get<IOptions<EmailOptions>>().Value.MaxMessageBytes;

    /// <param name="databaseFile">keep the results in this SQLite file; null for a temporary database deleted afterwards</param>
    /// <param name="ct">cancels the migration and the knowledge-base load</param>
    public static async Task<MimeEvaluationHost> StartAsync(string? databaseFile, CancellationToken ct)
    {
        var temporary = databaseFile is null ? Directory.CreateTempSubdirectory("firstline-eval-mime-").FullName : null;
        var database = databaseFile ?? Path.Combine(temporary!, "eval.db");
        var dataFolder = temporary ?? Path.GetDirectoryName(database)!;
        var app = FirstLineApp.Create(
            [
                "--Storage:Provider=Sqlite",
                $"--Storage:DataDirectory={dataFolder}",
                $"--ConnectionStrings:{StorageConnection.Name}=Data Source={database};Pooling=False",
                "--Scaling:Redis=",

                // Nothing is served; the Direct Line module only needs a secret to exist.
                $"--DirectLine:Secret={Convert.ToHexString(RandomNumberGenerator.GetBytes(32))}",
                "--Email:PollInBackground=false",
                $"--Email:Mailboxes:0:Address={Address}",
                "--Email:Mailboxes:0:DisplayName=FirstLine (eval mime)",
                "--Email:Mailboxes:0:Imap:Host=imap.eval.firstline.invalid",
                "--Email:Mailboxes:0:Smtp:Host=smtp.eval.firstline.invalid",
            ],
            services => services.AddLogging(logging => logging.ClearProviders()));
        var host = new MimeEvaluationHost(app, temporary);
        try
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services).StartAsync(ct);
            await host.Get<IKnowledgeBase>().ReloadAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one mail through the pipeline as the poller would after downloading it as <paramref name="uid"/>.</summary>
    public async Task<MailOutcome> ProcessAsync(MailFile mail, uint uid, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var mailbox = Get<IOptions<EmailOptions>>().Value.Mailboxes[0];
        var processor = Get<MailProcessor>();
        if (mail.Raw is null)
        {
            await processor.RejectTooLargeAsync(mailbox, Cursor, new InboxMail(new UniqueId(uid), mail.Size, null), ct);
        }
        else
        {
            await using var raw = new MemoryStream(mail.Raw, writable: false);
            await processor.ProcessAsync(mailbox, Cursor, uid, raw, ct);
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await using var db = await Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync(ct);
        var row = await db.Set<EmailMessageRow>().AsNoTracking().FirstOrDefaultAsync(m => m.Mailbox == Address && m.Uid == uid, ct);
        return row switch
        {
            null => new MailOutcome(mail.Name, MailOutcomeKind.Duplicate, "handled before in this run (same Message-ID or content)", null, elapsed),
            { Outcome: EmailOutcome.Failed } => new MailOutcome(mail.Name, MailOutcomeKind.Failed, row.Reason, null, elapsed),
            { Outcome: EmailOutcome.Ignored } => new MailOutcome(mail.Name, MailOutcomeKind.NotAnswered, row.Reason, row.TicketNumber, elapsed),
            // A ticket mail with a reason got no automatic answer (the per-sender limit, a reply to another channel's ticket).
            _ => new MailOutcome(mail.Name, MailOutcomeKind.Ticket, row.Reason, row.TicketNumber, elapsed),
        };
    }

    /// <summary>Answers the bot wrote to the outbox (never sent by this command).</summary>
    public async Task<int> CountAnswersAsync(CancellationToken ct)
    {
        await using var db = await Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync(ct);
        return await db.Set<EmailOutboxRow>().CountAsync(o => o.Mailbox == Address, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (temporaryFolder is not null)
        {
            // SQLite keeps no handle once the app is disposed (pooling is off), so the folder can go.
            Directory.Delete(temporaryFolder, recursive: true);
        }
    }

    private T Get<T>()
        where T : notnull => app.Services.GetRequiredService<T>();
}
