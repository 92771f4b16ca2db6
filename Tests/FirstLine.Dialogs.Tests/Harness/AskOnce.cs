using System.Globalization;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>
/// The smallest conversation around one prompt: a root waterfall asks it, then says "result: …" and ends. Lets a
/// prompt test read as a transcript.
/// </summary>
public static class AskOnce
{
    public const string RootId = "root";

    public static DialogSet Dialogs(Dialog prompt, Func<PromptOptions> options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        return new DialogSet()
            .Add(prompt)
            .Add(new WaterfallDialog<NoState>(RootId, [
                (step, ct) => step.PromptAsync(prompt.Id, options(), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"result: {Describe(step.Result)}", cancellationToken: ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]));
    }

    /// <summary>A flow with a fresh storage, a new runner per turn and a bot that <see cref="TestFlow.Restart()"/> can rebuild.</summary>
    public static TestFlow Flow(Dialog prompt, Func<PromptOptions> options, string? locale = "de-DE", string channelId = "test")
    {
        var storage = new MemoryStorage();
        return new TestFlow(new TestAdapter(channelId, locale: locale), () => new DialogTestBot(storage, () => Dialogs(prompt, options), RootId));
    }

    public static string Describe(object? result) => result switch
    {
        null => "(none)",
        FoundChoice choice => $"{choice.Value} #{choice.Index}",
        PromptAttemptsExhausted exhausted => $"gave up after {exhausted.Attempts}",
        bool yes => yes ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => result.ToString() ?? string.Empty,
    };

    /// <summary>Waterfall state for dialogs that remember nothing.</summary>
    public sealed class NoState;
}
