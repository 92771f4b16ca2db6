using System.Data.Common;
using System.Text;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The per-sender answer limit counts one sender's answered mails of the last hour for every incoming mail; the
/// database's own query planner must answer it from the (Sender, HandledAt) index, not by reading every handled mail.
/// </summary>
public sealed class AutoReplyLimitIndexTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task The_count_of_a_senders_answered_mails_in_the_last_hour_is_served_by_the_sender_and_time_index(StorageProvider provider)
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<FirstLineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var query = AutoReplyLimit.AnsweredSince(db.Set<EmailMessageRow>(), "kunde@example.test", DateTimeOffset.UtcNow.AddHours(-1));

        var plan = await ExplainAsync(db, query.CreateDbCommand(), provider);

        Assert.Contains("IX_EmailMessages_Sender_HandledAt", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(FirstLineDbContext db, DbCommand command, StorageProvider provider)
    {
        await db.Database.OpenConnectionAsync();
        if (provider == StorageProvider.PostgreSql)
        {
            // An empty table is cheapest to scan; with scans priced out the planner shows which index it can use at all.
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }

        command.CommandText = (provider == StorageProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                plan.Append(reader.GetValue(i)).Append(' ');
            }

            plan.AppendLine();
        }

        return plan.ToString();
    }
}
