using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Health;

/// <summary>
/// Each configured mailbox's last poll, as the pollers record it in the database (so every node reports the same):
/// a mailbox whose last attempt failed makes the node Degraded — still serving chat, so a load balancer keeps it,
/// while monitoring sees the mail server problem.
/// </summary>
internal sealed class MailboxHealthCheck(IOptions<EmailOptions> email, IDbContextFactory<FirstLineDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var addresses = email.Value.Mailboxes.Select(m => m.Address!).ToList();
        if (addresses.Count == 0)
        {
            return HealthCheckResult.Healthy("No mailboxes are configured.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.Set<EmailMailboxStateRow>().AsNoTracking()
            .Where(s => addresses.Contains(s.Mailbox))
            .ToDictionaryAsync(s => s.Mailbox, cancellationToken);
        var mailboxes = addresses.ToDictionary(a => a, a => (object)MailboxHealth.Of(states.GetValueOrDefault(a)));
        var failing = mailboxes.Values.Cast<MailboxHealth>().Count(m => m.State == MailboxHealth.Failing);
        return failing == 0
            ? HealthCheckResult.Healthy($"{addresses.Count} mailbox(es), none failing.", mailboxes)
            : HealthCheckResult.Degraded($"{failing} of {addresses.Count} mailbox(es) failed their last poll.", data: mailboxes);
    }
}

/// <summary>One mailbox as the health response shows it: its state and when it was last polled or last failed.</summary>
internal sealed record MailboxHealth(string State, DateTimeOffset? LastPolledAt, DateTimeOffset? FailingSince)
{
    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string NotPolledYet = "not polled yet";

    public static MailboxHealth Of(EmailMailboxStateRow? state) => state switch
    {
        null or { LastPolledAt: null, LastErrorAt: null } => new(NotPolledYet, null, null),
        { LastErrorAt: { } failedAt } when state.LastPolledAt is null || failedAt > state.LastPolledAt => new(Failing, state.LastPolledAt, failedAt),
        _ => new(Ok, state.LastPolledAt, null),
    };
}
