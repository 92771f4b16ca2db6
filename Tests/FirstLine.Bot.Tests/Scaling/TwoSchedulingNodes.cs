using FirstLine.Bot.Tests.Email;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// <see cref="TwoNodes"/> tuned to watch the clustered scheduler: a mailbox of their own on the test mail servers (so the
/// email jobs exist), its outbox job firing every second, each firing's start logged with its scheduled fire time, and a
/// node checking in every 5 s, so a dead one is noticed within ~20 s.
/// </summary>
public sealed class TwoSchedulingNodes : TwoNodes
{
    protected override IEnumerable<string> ExtraSettings =>
    [
        .. MailServers.MailboxArguments($"cluster-{Guid.NewGuid():N}@example.test", pollInBackground: true),
        "--Email:OutboxSeconds=1",
        "--Scheduling:ClusterCheckinInterval=00:00:05",
        "--Logging:LogLevel:FirstLine.Bot.Scheduling=Debug",
    ];
}
