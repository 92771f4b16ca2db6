using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>
/// Sends again the replies that could not reach the customer. Each due reply is leased with a conditional
/// UPDATE first, so with several nodes exactly one sends it.
/// </summary>
internal sealed partial class PendingReplySender(
    IDbContextFactory<FirstLineDbContext> contexts,
    TicketReplies replies,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<PendingReplySender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Replies.RetryInterval;
        using var timer = new PeriodicTimer(interval < TimeSpan.FromSeconds(30) ? interval : TimeSpan.FromSeconds(30), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The next tick tries again; the replies stay kept in the database.
                    LogRoundFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One round: every reply that is due is tried once. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.TicketReplies.AsNoTracking()
            .Where(r => r.Status == ReplyStatus.Pending && r.NextAttemptAt <= now)
            .OrderBy(r => r.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var reply in due)
        {
            var leaseUntil = now + options.Value.Replies.RetryInterval;
            var leased = await db.TicketReplies
                .Where(r => r.Id == reply.Id && r.Status == ReplyStatus.Pending && r.NextAttemptAt == reply.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, leaseUntil), cancellationToken);
            if (leased != 1)
            {
                continue;
            }

            var agentId = reply.Actor.StartsWith("agent:", StringComparison.Ordinal) ? reply.Actor["agent:".Length..] : reply.Actor;
            var outcome = await replies.DeliverAsync(reply, new AgentIdentity(agentId, reply.AuthorName, SupportLevel.Second), cancellationToken);
            sent += outcome.Delivered ? 1 : 0;
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of resending kept replies failed")]
    private partial void LogRoundFailed(Exception exception);
}
