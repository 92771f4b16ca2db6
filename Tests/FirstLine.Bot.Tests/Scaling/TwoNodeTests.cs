using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// Two nodes, one desk, proven by a real client: <c>Tests/clients/two-nodes.mjs</c> drives botframework-directlinejs
/// through a small load balancer in front of the two node processes.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes, ITestOutputHelper output) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public Task A_customer_whose_stream_is_on_node_A_posts_through_node_B_and_receives_every_reply_in_order() =>
        RunAsync("stream-on-a-posts-through-b");

    [Fact]
    public Task An_agent_on_node_B_answers_a_customer_on_node_A() =>
        RunAsync("agent-on-b-answers-customer-on-a");

    [Fact]
    public async Task When_node_A_dies_mid_conversation_the_customer_continues_on_node_B_with_nothing_lost_or_twice()
    {
        try
        {
            await RunAsync("node-a-dies", new NodeHandshake("FIRSTLINE:KILL-A", _ => nodes.A.KillAsync(), "KILLED"));
        }
        finally
        {
            // The other tests of the class share the nodes.
            await nodes.A.StartAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync(string scenario, NodeHandshake? handshake = null)
    {
        var node = RealClientPrerequisites.RequireNodeAndPackages();
        using var logs = nodes.Attach(output);
        var environment = new Dictionary<string, string>
        {
            ["FIRSTLINE_URL"] = nodes.A.BaseUrl,
            ["FIRSTLINE_NODE_A"] = nodes.A.BaseUrl,
            ["FIRSTLINE_NODE_B"] = nodes.B.BaseUrl,
            ["FIRSTLINE_SECRET"] = nodes.Secret,
            ["FIRSTLINE_API_KEY"] = nodes.ApiKey,
            ["NO_COLOR"] = "1",
        };

        var result = await NodeProcess.RunAsync(node, ["two-nodes.mjs", scenario], environment, output, Timeout, handshake);

        Assert.False(result.TimedOut, $"two-nodes.mjs {scenario} did not finish within {Timeout}");
        if (handshake is not null)
        {
            Assert.Contains(handshake.Signal, result.Output, StringComparison.Ordinal);
        }

        Assert.True(result.ExitCode == 0, $"two-nodes.mjs {scenario} exited with {result.ExitCode}; its output and both nodes' logs are above");
        Assert.Contains($"PASSED {scenario}", result.Output, StringComparison.Ordinal);
    }
}
