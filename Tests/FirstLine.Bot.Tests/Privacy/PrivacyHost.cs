using System.Data.Common;
using System.Text;
using System.Text.Json;
using FirstLine.Bot.Email;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Privacy;

/// <summary>
/// The real host (EF Core on SQLite, the Direct Line server) on a fake clock, and customers who leave data in
/// every store the way the product does: a chat over real Direct Line with an upload, dialog state, conversation
/// ownership, a ticket with a note; or an e-mail with its handled-mail record, outbox mail and sent Message-ID.
/// The clock is the host's adjustable one, set back so the story starts <see cref="StoryDays"/> days ago: a
/// <c>FakeTimeProvider</c> cannot drive a running host across months, since it fires every periodic timer of the
/// host once per elapsed period (a one-second timer 34 million times for 400 days).
/// </summary>
public sealed class PrivacyHost : IAsyncDisposable
{
    /// <summary>Day 0 of a test's story is this many days before the real time; on day 400 the clock shows the real time again.</summary>
    public const int StoryDays = 400;

    private int day;

    private PrivacyHost(DirectLineHost host)
    {
        Host = host;
        Host.Clock.Advance(TimeSpan.FromDays(-StoryDays));
    }

    public DirectLineHost Host { get; }

    public AdjustableClock Clock => Host.Clock;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static async Task<PrivacyHost> StartAsync(IEnumerable<string>? settings = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        return new PrivacyHost(await DirectLineHost.StartAsync(settings, provider: provider));
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Moves the clock forward to day <paramref name="target"/> of the story.</summary>
    public void AdvanceToDay(int target)
    {
        Clock.Advance(TimeSpan.FromDays(target - day));
        day = target;
    }

    public async Task<FirstLineDbContext> DbAsync() => await Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// A customer chats: a message and an upload over Direct Line (the bot answers both), dialog state, the
    /// conversation queued for an agent, and a ticket for it with an internal note.
    /// </summary>
    public async Task<Customer> ChatAsync(string name, string email, string text)
    {
        var client = Host.Client;
        var conversation = await client.NewConversationAsync(Timeout);
        var id = conversation.ConversationId;
        var activity = JsonSerializer.Serialize(new { type = "message", text, from = new { id = "x", name, role = "user" }, locale = "de-DE" });
        using (var posted = await client.PostActivityAsync(id, conversation.Token, activity, Timeout))
        {
            posted.EnsureSuccessStatusCode();
        }

        using (var form = BadInputTests.DirectLineJsUpload(
            JsonSerializer.Serialize(new { type = "message", text = "Screenshot", from = new { id = "x", name, role = "user" }, locale = "de-DE" }),
            ("screen.txt", "text/plain", Encoding.UTF8.GetBytes($"{name} screenshot bytes"))))
        using (var uploaded = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Base}/conversations/{id}/upload?userId=x", conversation.Token, form, Timeout))
        {
            uploaded.EnsureSuccessStatusCode();
        }

        await client.WaitForActivitiesAsync(conversation, null, a => a.Count(x => x.Text?.StartsWith("Sie sagten", StringComparison.Ordinal) == true) == 2, Timeout);
        string userId;
        await using (var db = await DbAsync())
        {
            userId = (await db.DirectLineConversations.SingleAsync(c => c.Id == id)).UserId;
        }

        await Get<IStorage>().WriteAsync(DialogRunner.StateKey(DirectLineChannel.ChannelId, id), new Dictionary<string, string> { ["name"] = name }, "*");
        var reference = new ConversationReference
        {
            ChannelId = DirectLineChannel.ChannelId,
            Conversation = new ConversationAccount { Id = id },
            User = new ChannelAccount { Id = userId, Name = name },
            Bot = new ChannelAccount { Id = "firstline" },
            Locale = "de-DE",
        };
        var number = await OpenTicketAsync(new NewTicket(DirectLineChannel.ChannelId, id, userId, text, $"{name} schreibt: {text}")
        {
            CustomerName = name,
            CustomerEmail = email,
            Language = "de",
            ConversationReferenceJson = BotJson.Serialize(reference),
        });
        await Get<ConversationOwnership>().QueueAsync(reference, number, Timeout);
        return new Customer(name, email, new(DirectLineChannel.ChannelId, id), number);
    }

    /// <summary>A customer writes an e-mail: the transcript, the handled-mail record, the answer in the outbox, its Message-ID and a ticket.</summary>
    public async Task<Customer> MailAsync(string name, string email, string text)
    {
        var id = $"mail-{Guid.NewGuid():N}";
        var now = Clock.GetUtcNow();
        await Get<ITranscriptLogger>().LogActivityAsync(new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = EmailChannel.ChannelId,
            Conversation = new ConversationAccount { Id = id },
            From = new ChannelAccount { Id = email, Name = name, Role = RoleTypes.User },
            Text = text,
            Timestamp = now,
        });
        var number = await OpenTicketAsync(new NewTicket(EmailChannel.ChannelId, id, email, text, text) { CustomerName = name, CustomerEmail = email, Language = "de" });
        await using var db = await DbAsync();
        var answerId = $"<answer-{Guid.NewGuid():N}@support.example.test>";
        db.Set<EmailMessageRow>().Add(new EmailMessageRow { Mailbox = "support@example.test", MessageKey = $"<{Guid.NewGuid():N}@mail.example.test>", ConversationId = id, TicketNumber = number, Sender = email, Subject = text, Outcome = EmailOutcome.Processed, HandledAt = now });
        db.Set<EmailOutboxRow>().Add(new EmailOutboxRow { Mailbox = "support@example.test", MessageId = answerId, ConversationId = id, Recipient = email, Mime = Encoding.UTF8.GetBytes($"To: {email}\r\n\r\nHallo {name}, zu {text}"), CreatedAt = now, NextAttemptAt = now, SentAt = now });
        db.Set<EmailSentMessageRow>().Add(new EmailSentMessageRow { MessageId = answerId, Mailbox = "support@example.test", ConversationId = id, TicketNumber = number, Recipient = email, CreatedAt = now });
        await db.SaveChangesAsync();
        return new Customer(name, email, new(EmailChannel.ChannelId, id), number);
    }

    /// <summary>The agent resolves the ticket with a rating and a comment (both audited), then closes it.</summary>
    public async Task CloseAsync(Customer customer)
    {
        var tickets = Get<TicketService>();
        await tickets.UpdateAsync(customer.Ticket, "agent:1", t =>
        {
            t.Status = TicketStatus.Resolved;
            t.Priority = TicketPriority.P2;
            t.Category = "hardware";
            t.Summary = $"{customer.Name} could not print";
            t.SatisfactionRating = 4;
            t.SatisfactionComment = $"Danke, {customer.Name}";
        }, null, Timeout);
        await tickets.ChangeStatusAsync(customer.Ticket, TicketStatus.Closed, "agent:1", null, Timeout);
    }

    public async Task<TicketRow> TicketAsync(string number) => (await Get<TicketService>().FindAsync(number, Timeout))!;

    /// <summary>
    /// Every value of every row of every table in the database, as text (blobs as UTF-8), rows sorted; Quartz's own
    /// tables (no personal data, and a clustered node rewrites its check-in row every few seconds) left out.
    /// </summary>
    public async Task<string> DumpEveryTableAsync()
    {
        await using var db = await DbAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Host.Database.Provider == StorageProvider.PostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!reader.GetString(0).StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder().Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(Text(reader, i)).Append('|');
                }

                rows.Add(row.ToString());
            }
        }

        // PostgreSQL returns rows in no promised order; sorted, two dumps of the same data are equal.
        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private async Task<string> OpenTicketAsync(NewTicket request)
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.CreateAsync(request, "bot", Timeout);
        await tickets.AddNoteAsync(ticket.Number, "agent:1", $"Rückruf bei {request.CustomerName} vereinbart", Timeout);
        return ticket.Number;
    }

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column)
        ? string.Empty
        : reader.GetValue(column) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A customer and where their data went.</summary>
    public sealed record Customer(string Name, string Email, Bot.Privacy.ConversationKey Conversation, string Ticket);
}
