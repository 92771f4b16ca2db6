using System.Text.Json;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.Logging;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Runs one turn of a conversation's dialogs: loads the stack (with its ETag), continues the active dialog or
/// begins the root dialog, saves the stack, and only then delivers the replies.
/// A write conflict (another node ran a turn of the same conversation meanwhile) reloads and runs the turn once more;
/// unusable stored state (old version, unknown dialog, broken JSON) is reset with an apology instead of failing every turn.
/// </summary>
public sealed class DialogRunner
{
    private readonly IStorage storage;
    private readonly ILogger<DialogRunner> logger;
    private readonly DialogRunnerOptions options;

    public DialogRunner(IStorage storage, ILogger<DialogRunner> logger)
        : this(storage, logger, new DialogRunnerOptions())
    {
    }

    public DialogRunner(IStorage storage, ILogger<DialogRunner> logger, DialogRunnerOptions options)
    {
        this.storage = storage ?? throw new ArgumentNullException(nameof(storage));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The storage key of a conversation's dialog stack.</summary>
    public static string StateKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id, so its dialogs cannot be stored.", nameof(turnContext));
        return StateKey(activity.ChannelId, conversationId);
    }

    /// <summary>The storage key of the dialog stack of a conversation on a channel.</summary>
    public static string StateKey(string? channelId, string conversationId) => $"dialogs/{channelId}/{conversationId}";

    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, DialogSet dialogs, string rootDialogId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDialogId);
        var key = StateKey(turnContext);
        for (var attempt = 1; ; attempt++)
        {
            var buffered = new BufferedTurnContext(turnContext);
            var (state, etag) = await LoadAsync(buffered, key, cancellationToken).ConfigureAwait(false);
            var result = await RunDialogsAsync(buffered, dialogs, rootDialogId, state, cancellationToken).ConfigureAwait(false);
            try
            {
                await storage.WriteAsync(key, result.State, etag, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (attempt == 1)
            {
                logger.LogInformation("Dialog state of {Key} changed during the turn; running the turn again on the new state.", key);
                buffered.Discard();
                continue;
            }

            await buffered.DeliverAsync(cancellationToken).ConfigureAwait(false);
            return result.Turn;
        }
    }

    private async Task<(DialogState State, string? ETag)> LoadAsync(BufferedTurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        StoreItem<DialogState>? item;
        try
        {
            item = await storage.ReadAsync<DialogState>(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            logger.LogWarning(exception, "Dialog state of {Key} cannot be read; starting the conversation over.", key);
            await ApologiseAsync(turnContext, cancellationToken).ConfigureAwait(false);

            // We never learnt the ETag of what is stored, so the fresh stack overwrites it.
            return (new DialogState(), "*");
        }

        if (item is null)
        {
            return (new DialogState(), null);
        }

        if (item.Value.Version != DialogState.CurrentVersion || item.Value.Stack is null || item.Value.Stack.Any(i => i is null))
        {
            logger.LogWarning("Dialog state of {Key} has version {Version}, expected {Expected}; starting the conversation over.", key, item.Value.Version, DialogState.CurrentVersion);
            await ApologiseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return (new DialogState(), item.ETag);
        }

        return (item.Value, item.ETag);
    }

    private async Task<(DialogTurnResult Turn, DialogState State)> RunDialogsAsync(BufferedTurnContext turnContext, DialogSet dialogs, string rootDialogId, DialogState state, CancellationToken cancellationToken)
    {
        try
        {
            return (await ContinueOrBeginAsync(turnContext, dialogs, rootDialogId, state, cancellationToken).ConfigureAwait(false), state);
        }
        catch (DialogStateException exception)
        {
            // Found only once a dialog touched its state. Forget this attempt and run the turn on a fresh stack —
            // once: a second failure would be a bug in the dialogs, and must surface rather than loop.
            logger.LogWarning(exception, "Stored dialog state is unusable; starting the conversation over.");
            turnContext.Discard();
            await ApologiseAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var fresh = new DialogState();
            return (await ContinueOrBeginAsync(turnContext, dialogs, rootDialogId, fresh, cancellationToken).ConfigureAwait(false), fresh);
        }
    }

    private static async Task<DialogTurnResult> ContinueOrBeginAsync(ITurnContext turnContext, DialogSet dialogs, string rootDialogId, DialogState state, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(dialogs, turnContext, state);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(rootDialogId, null, cancellationToken).ConfigureAwait(false);
        }

        state.Flush();
        return result;
    }

    private Task ApologiseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(options.StateResetMessage(turnContext.Activity.Locale), cancellationToken: cancellationToken);
}
