using FirstLine.Bot.Agents;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// The scripted customer conversations (<c>Tests/FirstLine.Dialogs.Tests/Support/Conversations/*.json</c>) end to end
/// over Direct Line with botframework-directlinejs against the real host and the real support bot. The script
/// (<c>Tests/clients/scripted-conversations.mjs</c>) reads each outcome from the tickets through the REST API and
/// prints the share resolved at first level and the share escalated.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed class ScriptedConversationsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Every_scripted_conversation_over_DirectLineJS_ends_as_scripted_and_every_escalation_carries_a_priority_and_its_rationale()
    {
        var node = RealClientPrerequisites.RequireNodeAndPackages();
        using var data = new TemporaryDirectory("firstline-scripted");
        await using var server = await FirstLineServer.StartAsync(data.Path, port: 0, realBot: true);
        var apiKey = await CreateApiKeyAsync(data.Path);
        using var serverLog = server.Log.Attach(output);

        var result = await NodeProcess.RunAsync(
            node,
            ["scripted-conversations.mjs"],
            new Dictionary<string, string>
            {
                ["FIRSTLINE_URL"] = server.BaseUrl,
                ["FIRSTLINE_SECRET"] = server.Secret,
                ["FIRSTLINE_API_KEY"] = apiKey,
                ["NO_COLOR"] = "1",
            },
            output,
            Timeout);

        Assert.False(result.TimedOut, $"scripted-conversations.mjs did not finish within {Timeout}");
        Assert.Contains("scripted: ", result.Output, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, $"scripted-conversations.mjs exited with {result.ExitCode}; the failed conversations and their transcripts are above");
    }

    /// <summary>A REST API key in the server's database, made the way <c>apikey create</c> makes one.</summary>
    private static async Task<string> CreateApiKeyAsync(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddFirstLineStorage(configuration);
        services.AddSingleton<ApiKeys>();
        await using var provider = services.BuildServiceProvider();
        var created = await provider.GetRequiredService<ApiKeys>().CreateAsync("scripted-conversations", AgentRole.Admin, SupportLevel.Third, "tests", CancellationToken.None);
        return created.Key;
    }
}
