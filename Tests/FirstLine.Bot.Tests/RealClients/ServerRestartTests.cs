using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// The promise of issue 2: a customer closes the tab, the server restarts, the customer comes back and finds the
/// conversation. Own server (it gets restarted), fixed port (cookies belong to an origin), one browser profile.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed class ServerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Web_Chat_continues_the_same_conversation_after_a_server_restart()
    {
        RealClientPrerequisites.RequireBrowserClient();
        using var data = new TemporaryDirectory("firstline-restart-data");
        using var browserProfile = new TemporaryDirectory("firstline-restart-browser");
        await using var server = await FirstLineServer.StartAsync(data.Path, FirstLineServer.FindFreePort());

        await RealClientRunner.RunWebChatPhaseAsync(server, "chat", browserProfile.Path, output);

        output.WriteLine($"restarting FirstLine on {server.BaseUrl} with data in {data.Path}");
        await server.RestartAsync();

        await RealClientRunner.RunWebChatPhaseAsync(server, "resume", browserProfile.Path, output);
    }

    [Fact]
    public async Task DirectLineJS_left_connected_through_a_server_restart_reconnects_by_itself_and_loses_nothing()
    {
        RealClientPrerequisites.RequireNodeAndPackages();
        using var data = new TemporaryDirectory("firstline-restart-data");
        await using var server = await FirstLineServer.StartAsync(data.Path, FirstLineServer.FindFreePort());

        await RealClientRunner.RunDirectLineThroughRestartAsync(server, output);
    }
}
