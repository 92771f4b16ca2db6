using FirstLine.Bot.Handoff;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FirstLine.Bot.Agents.Console;

/// <summary>
/// What every live console page shares: the agent from the sign-in cookie, the UI language (read from the
/// request while prerendering and carried into the circuit), and the live agent events once interactive.
/// </summary>
public abstract partial class ConsolePage : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    /// <summary>The language chosen while prerendering (cookie or browser), kept when the circuit takes over.</summary>
    [PersistentState]
    public string? UiLanguage { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IAgentNotifier Notifier { get; set; } = null!;

    [Inject]
    private ILogger<ConsolePage> Logger { get; set; } = null!;

    protected ConsoleTexts Texts => ConsoleTexts.For(UiLanguage);

    /// <summary>Null when nobody is signed in: the page then shows nothing but a link to sign in.</summary>
    protected ConsoleAgent? Agent { get; private set; }

    /// <summary>Cancelled when the page goes away (tab closed, navigation), so no query outlives it.</summary>
    protected CancellationToken PageClosing => closing.Token;

    private readonly CancellationTokenSource closing = new();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected override async Task OnInitializedAsync()
    {
        UiLanguage ??= ConsoleLanguage.FromRequest(HttpContext);
        var user = AuthenticationState is null ? HttpContext?.User : (await AuthenticationState).User;
        Agent = ConsoleAgent.FromPrincipal(user);
        if (Agent is null)
        {
            return;
        }

        await LoadAsync(PageClosing);
        if (RendererInfo.IsInteractive)
        {
            // The notifier awaits its subscribers inside the customer's turn: hand the work to this circuit
            // and return at once, so a slow console never delays a customer.
            subscription = Notifier.Subscribe(agentEvent =>
            {
                _ = InvokeAsync(() => HandleSafelyAsync(agentEvent));
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Reacts to a live event; runs on the circuit, so it may change state and re-render.</summary>
    protected abstract Task OnAgentEventAsync(AgentEvent agentEvent);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            subscription?.Dispose();
            // Cancelled, not disposed: an event already queued on the circuit may still read the token.
            closing.Cancel();
        }
    }

    private async Task HandleSafelyAsync(AgentEvent agentEvent)
    {
        try
        {
            await OnAgentEventAsync(agentEvent);
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLiveUpdateFailed(Logger, exception, agentEvent.Kind, agentEvent.TicketNumber);
        }
        catch (OperationCanceledException)
        {
            // The page closed while it was reloading.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agent console could not apply {Kind} for {TicketNumber}")]
    private static partial void LogLiveUpdateFailed(ILogger logger, Exception exception, AgentEventKind kind, string ticketNumber);
}
