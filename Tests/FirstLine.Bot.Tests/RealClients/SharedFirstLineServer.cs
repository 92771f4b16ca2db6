using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>One FirstLine on an OS-chosen loopback port with a throwaway data directory, shared by the real-client tests.</summary>
public sealed class SharedFirstLineServer : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new("firstline-realclients");
    private FirstLineServer? server;

    public FirstLineServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await FirstLineServer.StartAsync(data.Path);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        data.Dispose();
    }
}
