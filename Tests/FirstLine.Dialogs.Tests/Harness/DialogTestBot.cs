using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>
/// A bot that only runs dialogs, with a new <see cref="DialogRunner"/> and a new dialog set on every turn, so
/// everything a dialog remembers must have gone through the storage as JSON.
/// </summary>
public sealed class DialogTestBot(IStorage storage, Func<DialogSet> dialogs, string rootDialogId) : IBot
{
    public DialogTestBot(IStorage storage, DialogSet dialogs, string rootDialogId)
        : this(storage, () => dialogs, rootDialogId)
    {
    }

    public IStorage Storage { get; } = storage;

    /// <summary>What each turn's <see cref="DialogRunner.RunAsync"/> returned, in order.</summary>
    public List<DialogTurnResult> Results { get; } = [];

    public DialogRunnerOptions Options { get; init; } = new();

    public ILogger<DialogRunner> Logger { get; init; } = NullLogger<DialogRunner>.Instance;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var runner = new DialogRunner(Storage, Logger, Options);
        Results.Add(await runner.RunAsync(turnContext, dialogs(), rootDialogId, cancellationToken));
    }
}
