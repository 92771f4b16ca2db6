using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Hosting;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// The agent console and Web Chat in one Chromium, driven by <c>Tests/clients/agent-console.mjs</c> through the real UI
/// only: a customer asks the support bot for a human, a signed-in agent sees the ticket arrive live, claims it, chats
/// and resolves it, and the customer rates the help; then a second request is handed back to the bot and rated too.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed partial class AgentConsoleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AgentEmail = "anna@example.test";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TemporaryDirectory data = new("firstline-agent-console");
    private readonly TestOutputLoggerProvider log = new();
    private readonly string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private WebApplication app = null!;

    public async Task InitializeAsync()
    {
        // Our own host (not the shared one): the test needs its services to create the agent and to read the tickets.
        app = FirstLineApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Storage:DataDirectory={data.Path}",
            $"--DirectLine:Secret={secret}",
            "--environment", "Production",
        ]);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync();
        await app.Services.GetRequiredService<AgentDirectory>().CreateAsync(
            new NewAgent(AgentEmail, "Anna Berger", password, AgentRole.Agent, SupportLevel.Second),
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        log.Dispose();
        data.Dispose();
    }

    [Fact]
    public async Task A_customer_asking_for_a_human_reaches_a_signed_in_agent_live_who_chats_resolves_and_hands_back_and_the_customer_rates_it()
    {
        var node = RealClientPrerequisites.RequireBrowserClient();
        using var serverLog = log.Attach(output);
        var environment = new Dictionary<string, string>
        {
            ["FIRSTLINE_URL"] = app.Urls.Single().TrimEnd('/'),
            ["FIRSTLINE_SECRET"] = secret,
            ["AGENT_EMAIL"] = AgentEmail,
            ["AGENT_PASSWORD"] = password,
            ["CHROMIUM_PATH"] = RealClientPrerequisites.ChromiumPath,
            ["NO_COLOR"] = "1",
        };

        var result = await NodeProcess.RunAsync(node, ["agent-console.mjs"], environment, output, Timeout);

        Assert.False(result.TimedOut, $"agent-console.mjs did not finish within {Timeout}");
        Assert.True(result.ExitCode == 0, $"agent-console.mjs exited with {result.ExitCode}; its output (and screenshot paths) is above");
        var numbers = TicketsLine().Match(result.Output);
        Assert.True(numbers.Success, "agent-console.mjs did not name the tickets it worked on");
        var tickets = app.Services.GetRequiredService<TicketService>();
        var resolved = (await tickets.FindAsync(numbers.Groups["resolved"].Value, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Resolved, SupportLevel.Second, 4, "Quick and friendly help"), (resolved.Status, resolved.Level, resolved.SatisfactionRating, resolved.SatisfactionComment));
        Assert.Contains(resolved.Audit, a => a.Actor.StartsWith("agent:", StringComparison.Ordinal) && a.Field == nameof(TicketRow.Status) && a.NewValue == nameof(TicketStatus.Resolved));
        Assert.Contains("error 50.4", resolved.Description, StringComparison.Ordinal);
        var handedBack = (await tickets.FindAsync(numbers.Groups["handedBack"].Value, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Open, 5, (string?)null, (string?)null), (handedBack.Status, handedBack.SatisfactionRating, handedBack.SatisfactionComment, handedBack.AssigneeId));
        Assert.Contains("docking station", handedBack.Description, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^FIRSTLINE:TICKETS (?<resolved>FL-\d+) (?<handedBack>FL-\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TicketsLine();
}
