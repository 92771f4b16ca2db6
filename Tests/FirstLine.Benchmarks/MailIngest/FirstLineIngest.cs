using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FirstLine.Benchmarks.Servers;
using FirstLine.Bot.Email;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// The real FirstLine host (SQLite in a fresh temporary folder, the shipped support dialogs unless <c>--bot echo</c>)
/// pointed at the benchmark mailbox, with background polling off so the benchmark says when the mailbox's Quartz poll
/// job runs — the same job, poller and service graph a scheduled poll or IMAP IDLE would set off.
/// </summary>
internal sealed class FirstLineIngest : IAsyncDisposable
{
    private static readonly TimeSpan CountEvery = TimeSpan.FromMilliseconds(50);

    private readonly FirstLineHost host;
    private readonly string address;

    private FirstLineIngest(FirstLineHost host, string address)
    {
        this.host = host;
        this.address = address;
    }

    public ServerLogCounter Log => host.Log;

    /// <remarks>
    /// The answers go to the outbox in the same transaction as the ticket, as always; the outbox's SMTP server is a
    /// closed loopback port, so thousands of answers do not flood the shared Postfix. Sending is not ingesting.
    /// </remarks>
    public static async Task<FirstLineIngest> StartAsync(MailIngestOptions options, BenchmarkMailbox mailbox, CancellationToken cancellationToken)
    {
        string[] settings =
        [
            "--Email:PollInBackground=false",
            $"--Email:Mailboxes:0:Address={mailbox.Address}",
            "--Email:Mailboxes:0:DisplayName=FirstLine Benchmark Support",
            $"--Email:Mailboxes:0:Imap:Host={options.ImapHost}",
            $"--Email:Mailboxes:0:Imap:Port={options.ImapPort.ToString(CultureInfo.InvariantCulture)}",
            "--Email:Mailboxes:0:Imap:Security=None",
            $"--Email:Mailboxes:0:Imap:User={mailbox.Address}",
            $"--Email:Mailboxes:0:Imap:Password={MailIngestOptions.Password}",
            "--Email:Mailboxes:0:Smtp:Host=127.0.0.1",
            $"--Email:Mailboxes:0:Smtp:Port={ClosedPort().ToString(CultureInfo.InvariantCulture)}",
            "--Email:Mailboxes:0:Smtp:Security=None",
        ];
        var host = await FirstLineHost.StartAsync(profile: null, cancellationToken, settings, supportBot: options.SupportBot);
        host.Log.IsExpected = (category, message) =>
            category.StartsWith("FirstLine.Bot.Email.EmailOutbox", StringComparison.Ordinal) || message.StartsWith($"Job {MailboxJobs.OutboxKey} failed", StringComparison.Ordinal);
        return new FirstLineIngest(host, mailbox.Address);
    }

    /// <summary>
    /// Runs the mailbox's poll job and times it until the database holds <paramref name="expectedTickets"/> tickets
    /// (or the poll ended short of them); then waits for the poll to finish its moves.
    /// </summary>
    public async Task<(TimeSpan Elapsed, int Tickets)> IngestAsync(int expectedTickets, CancellationToken cancellationToken)
    {
        var statuses = host.Services.GetRequiredService<JobStatusStore>();
        var key = MailboxJobs.PollKey(address);
        var before = (await statuses.FindAsync(key, cancellationToken))?.TotalRuns ?? 0;
        var started = Stopwatch.GetTimestamp();
        await host.Services.GetRequiredService<MailboxJobs>().TriggerPollAsync(address, cancellationToken);
        TimeSpan? elapsed = null;
        int tickets;
        while (true)
        {
            tickets = await CountTicketsAsync(cancellationToken);
            elapsed ??= tickets >= expectedTickets ? Stopwatch.GetElapsedTime(started) : null;
            var status = await statuses.FindAsync(key, cancellationToken);
            if (status?.TotalRuns > before)
            {
                // The poll is over: every mail it could take is a ticket and moved.
                return (elapsed ?? Stopwatch.GetElapsedTime(started), await CountTicketsAsync(cancellationToken));
            }

            await Task.Delay(CountEvery, cancellationToken);
        }
    }

    /// <summary>How the handled-mail records ended: answered, answer withheld or not answered (with a reason), failed.</summary>
    public async Task<MailOutcomes> OutcomesAsync(CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<EmailMessageRow>().AsNoTracking().Select(m => new { m.Outcome, m.Reason, m.TicketNumber }).ToListAsync(cancellationToken);
        return new MailOutcomes(
            rows.Count(r => r.Outcome == EmailOutcome.Processed && r.Reason is null),
            rows.Count(r => r.Outcome != EmailOutcome.Failed && r.Reason is not null),
            rows.Count(r => r.Outcome == EmailOutcome.Failed),
            rows.Where(r => r.TicketNumber is not null).Select(r => r.TicketNumber).Distinct().Count());
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IDbContextFactory<FirstLineDbContext> Contexts => host.Services.GetRequiredService<IDbContextFactory<FirstLineDbContext>>();

    private async Task<int> CountTicketsAsync(CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.CountAsync(cancellationToken);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The handled-mail records of one FirstLine ingest, and how many tickets they name.</summary>
internal sealed record MailOutcomes(int Answered, int NotAnswered, int Failed, int DistinctTickets);
