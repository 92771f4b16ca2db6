using System.Globalization;
using System.Text.RegularExpressions;
using FirstLine.Bot.Tests.Scheduling;
using Npgsql;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// Two FirstLine processes sharing Quartz's clustered job store on PostgreSQL: every firing of a job runs on exactly
/// one node, and when a node is killed the other recovers it and runs all of the job's firings. Each firing is named
/// by its scheduled fire time in the node's log (<c>Job … started (…, fire time …)</c>).
/// </summary>
public sealed partial class ClusteredSchedulerTests(TwoSchedulingNodes nodes, ITestOutputHelper output) : IClassFixture<TwoSchedulingNodes>
{
    private const string Outbox = "email.outbox";

    /// <remarks>
    /// Quartz's clustered store does not spread one job's firings evenly: whichever node asks first acquires the next
    /// trigger, and the node that just fired often asks first again. So "both nodes work" is asserted over all jobs.
    /// </remarks>
    [Fact]
    public async Task Each_firing_of_a_job_runs_on_exactly_one_of_two_nodes_and_both_nodes_take_firings()
    {
        using var logs = nodes.Attach(output);

        await Eventually.MatchesAsync(
            () => Task.FromResult(AllFirings()),
            f => f.Count(x => x.Job == Outbox) >= 20 && f.Select(x => x.Node).Distinct().Count() == 2,
            "20 firings of the outbox job, and firings of some job on each node",
            TimeSpan.FromSeconds(60));

        AssertEachFiringOnce(AllFirings());
        Assert.Equal(2, (await LiveInstancesAsync()).Count);
    }

    [Fact]
    public async Task When_a_node_is_killed_the_other_recovers_it_and_runs_every_firing_of_the_job()
    {
        using var logs = nodes.Attach(output);
        await Eventually.MatchesAsync(() => Task.FromResult(Firings()), f => f.Any(x => x.Node == nodes.A.Name), "a firing on node A", TimeSpan.FromSeconds(60));
        var instances = await LiveInstancesAsync();
        Assert.Equal(2, instances.Count);
        try
        {
            await nodes.A.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;

            var survivors = await Eventually.MatchesAsync(LiveInstancesAsync, i => i.Count == 1, "node B to recover node A's scheduler instance", TimeSpan.FromSeconds(30));
            var afterKill = await Eventually.MatchesAsync(
                () => Task.FromResult(Firings().Where(f => f.FireTime > killedAt).ToList()),
                f => f.Count >= 5,
                "5 firings after node A died",
                TimeSpan.FromSeconds(30));

            Assert.Contains(survivors.Single(), instances);
            Assert.All(afterKill, f => Assert.Equal(nodes.B.Name, f.Node));
            AssertEachFiringOnce(AllFirings());
        }
        finally
        {
            // The other test of the class shares the nodes.
            await nodes.A.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>No firing of any job (the outbox, the mailbox poll, the desk's clocks) started on both nodes or twice on one.</summary>
    private static void AssertEachFiringOnce(IReadOnlyList<Firing> firings)
    {
        var twice = firings.GroupBy(f => (f.Job, f.FireTime)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.FireTime:O} on {string.Join(" and ", g.Select(f => f.Node))}").ToList();
        Assert.True(twice.Count == 0, $"firings that ran more than once: {string.Join("; ", twice)}");
    }

    /// <summary>Every start of the outbox job either node logged, with the node and the scheduled fire time.</summary>
    private List<Firing> Firings() => [.. AllFirings().Where(f => f.Job == Outbox)];

    /// <summary>Every start of any job either node logged.</summary>
    private List<Firing> AllFirings() =>
        [.. new[] { nodes.A, nodes.B }.SelectMany(node => node.Output
            .Select(line => StartedLine().Match(line))
            .Where(m => m.Success)
            .Select(m => new Firing(m.Groups["job"].Value, node.Name, DateTimeOffset.Parse(m.Groups["fire"].Value, CultureInfo.InvariantCulture))))];

    /// <summary>The scheduler instances that are members of the cluster (Quartz removes a dead one when it recovers it).</summary>
    private async Task<IReadOnlyList<string>> LiveInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(nodes.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var instances = new List<string>();
        while (await reader.ReadAsync())
        {
            instances.Add(reader.GetString(0));
        }

        return instances;
    }

    [GeneratedRegex(@"Job (?<job>.+?) started \(trigger .+?, node \S+, fire time (?<fire>[^)]+)\)")]
    private static partial Regex StartedLine();

    private sealed record Firing(string Job, string Node, DateTimeOffset FireTime);
}
