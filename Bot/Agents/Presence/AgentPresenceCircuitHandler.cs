using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>
/// An open console (a connected Blazor circuit of a signed-in agent) is the heartbeat: while the connection
/// is up, the agent is touched a few times per presence timeout; when it drops, the beats stop and the agent
/// goes away after the timeout (so a page reload does not flicker their presence).
/// </summary>
internal sealed partial class AgentPresenceCircuitHandler(
    IServiceProvider services,
    AgentPresence presence,
    IOptions<AgentOptions> options,
    ILogger<AgentPresenceCircuitHandler> logger) : CircuitHandler, IAsyncDisposable
{
    private CancellationTokenSource? beating;
    private Task? loop;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        await StopAsync();
        if (await FindAgentIdAsync() is { } agentId)
        {
            beating = new CancellationTokenSource();
            loop = BeatAsync(agentId, beating.Token);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => StopAsync();

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => StopAsync();

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<long?> FindAgentIdAsync()
    {
        // Only consoles use authentication state; other circuits (if any) simply do not beat.
        if (services.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider provider)
        {
            return null;
        }

        try
        {
            var state = await provider.GetAuthenticationStateAsync();
            return AgentIds.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        }
        catch (InvalidOperationException)
        {
            // The circuit has no authentication state yet (not a signed-in console).
            return null;
        }
    }

    private async Task BeatAsync(long agentId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceTimeout / 4);
        try
        {
            do
            {
                try
                {
                    await presence.TouchAsync(agentId, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database hiccup must not end the agent's console; the next beat tries again.
                    LogBeatFailed(exception, agentId);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The connection went down.
        }
    }

    private async Task StopAsync()
    {
        var running = loop;
        var source = beating;
        loop = null;
        beating = null;
        if (source is not null)
        {
            await source.CancelAsync();
            if (running is not null)
            {
                await running;
            }

            source.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat for agent {AgentId} failed")]
    private partial void LogBeatFailed(Exception exception, long agentId);
}
