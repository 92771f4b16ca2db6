using System.Text;
using System.Text.RegularExpressions;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>
/// A conversation written as a transcript and run against a bot:
/// <code>
/// await new TestFlow(adapter, bot).WithLocale("de-DE")
///     .Send("Hallo").AssertReply("Wie kann ich").AssertSuggestedActions("Ja", "Nein")
///     .Send("ja").AssertReply("Gern")
///     .StartTestAsync();
/// </code>
/// Each <see cref="Send(string)"/> runs one whole turn; the replies are then checked in order. Replies not
/// asserted before the next send are skipped (they still show in the transcript). A failing step throws with
/// the whole transcript so far.
/// </summary>
public sealed class TestFlow
{
    private readonly List<(string Description, Func<CancellationToken, Task> Run)> steps = [];
    private readonly Func<IBot>? botFactory;
    private readonly StringBuilder transcript = new();
    private readonly Queue<Activity> unread = new();
    private TestAdapter adapter;
    private IBot bot;
    private Activity? lastReply;

    public TestFlow(TestAdapter adapter, IBot bot)
    {
        this.adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        this.bot = bot ?? throw new ArgumentNullException(nameof(bot));
    }

    /// <summary>A flow whose bot can be rebuilt by <see cref="Restart()"/>.</summary>
    public TestFlow(TestAdapter adapter, Func<IBot> botFactory)
        : this(adapter, (botFactory ?? throw new ArgumentNullException(nameof(botFactory)))())
    {
        this.botFactory = botFactory;
    }

    /// <summary>The transcript so far, as printed on failure.</summary>
    public string Transcript => transcript.ToString();

    /// <summary>The adapter now in use (it changes on <see cref="Restart()"/>).</summary>
    public TestAdapter Adapter => adapter;

    public TestFlow WithLocale(string? locale) => Step($"locale {locale}", _ =>
    {
        adapter.Locale = locale;
        transcript.AppendLine($"   (locale {locale ?? "none"})");
        return Task.CompletedTask;
    });

    /// <summary>The customer opens the chat: a conversationUpdate adding the user and the bot.</summary>
    public TestFlow StartConversation() => Step("conversationUpdate", ct => RunTurnAsync(adapter.MakeConversationUpdate(), "(joins the conversation)", ct));

    public TestFlow Send(string? text) => Step($"send \"{Shorten(text)}\"", ct => RunTurnAsync(adapter.MakeMessage(text), text ?? "(no text)", ct));

    /// <summary>Sends a prepared activity; <paramref name="shape"/> may fill in what <see cref="TestAdapter.MakeMessage"/> leaves empty.</summary>
    public TestFlow Send(Func<TestAdapter, Activity> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Step("send activity", ct =>
        {
            var activity = shape(adapter);
            return RunTurnAsync(activity, $"[{activity.Type}] {activity.Text}", ct);
        });
    }

    /// <summary>The next reply contains <paramref name="expected"/> (ignoring case) or matches it as a regular expression.</summary>
    public TestFlow AssertReply(string expected) => AssertReply(
        reply => Matches(reply.Text, expected),
        $"a reply containing or matching \"{expected}\"");

    public TestFlow AssertReply(Func<Activity, bool> check, string description)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Step($"expect {description}", _ =>
        {
            var reply = NextReply(description);
            if (!check(reply))
            {
                Fail($"Expected {description}, but the bot said \"{reply.Text}\".");
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The last asserted reply offers exactly these buttons, in this order.</summary>
    public TestFlow AssertSuggestedActions(params string[] titles) => Step($"expect buttons {string.Join(" | ", titles)}", _ =>
    {
        var actual = ButtonsOf(lastReply ?? Fail<Activity>("AssertSuggestedActions needs an asserted reply before it."));
        if (!actual.SequenceEqual(titles, StringComparer.Ordinal))
        {
            Fail($"Expected buttons [{string.Join(" | ", titles)}] on \"{lastReply!.Text}\", but it has [{string.Join(" | ", actual)}].");
        }

        return Task.CompletedTask;
    });

    public TestFlow AssertNoSuggestedActions() => AssertSuggestedActions();

    /// <summary>The bot has said nothing more in this turn (typing indicators aside).</summary>
    public TestFlow AssertNoReply() => Step("expect no further reply", _ =>
    {
        var next = unread.FirstOrDefault(a => !a.IsType(ActivityTypes.Typing));
        if (next is not null)
        {
            Fail($"Expected no further reply, but the bot said \"{next.Text}\".");
        }

        return Task.CompletedTask;
    });

    /// <summary>A server restart: new adapter and (with a bot factory) a new bot; only the storage remains.</summary>
    public TestFlow Restart() => Step("restart", _ =>
    {
        var factory = botFactory ?? throw new InvalidOperationException("Restart() needs the TestFlow(adapter, botFactory) constructor; or pass the new bot.");
        return RestartWith(factory());
    });

    public TestFlow Restart(IBot newBot)
    {
        ArgumentNullException.ThrowIfNull(newBot);
        return Step("restart", _ => RestartWith(newBot));
    }

    /// <summary>Any other check or action, in its place in the flow.</summary>
    public TestFlow Do(string description, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Step(description, async _ =>
        {
            try
            {
                await action();
            }
            catch (Exception exception) when (exception is not TranscriptAssertionException)
            {
                Fail($"{description} failed: {exception.Message}", exception);
            }
        });
    }

    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (_, run) in steps)
        {
            await run(cancellationToken);
        }
    }

    private static IReadOnlyList<string> ButtonsOf(Activity activity) =>
        activity.SuggestedActions?.Actions?.Select(a => a.Title ?? string.Empty).ToList() ?? [];

    private static bool Matches(string? text, string expected)
    {
        if (text is null)
        {
            return false;
        }

        if (text.Contains(expected, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(text, expected, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false; // not a regular expression, and not contained either
        }
    }

    private static string Shorten(string? text) => text is null ? "(null)" : text.Length > 60 ? $"{text[..57]}…({text.Length} chars)" : text;

    private TestFlow Step(string description, Func<CancellationToken, Task> run)
    {
        steps.Add((description, run));
        return this;
    }

    private Task RestartWith(IBot newBot)
    {
        adapter = adapter.Restart();
        bot = newBot;
        unread.Clear();
        lastReply = null;
        transcript.AppendLine("   (restart: new adapter and bot, same storage)");
        return Task.CompletedTask;
    }

    private async Task RunTurnAsync(Activity activity, string shown, CancellationToken cancellationToken)
    {
        unread.Clear();
        lastReply = null;
        transcript.AppendLine($"-> user: {Shorten(shown)}");
        try
        {
            await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        }
        catch (Exception exception)
        {
            Record(adapter.TakeReplies());
            Fail($"The turn threw {exception.GetType().Name}: {exception.Message}", exception);
        }

        Record(adapter.TakeReplies());
    }

    private void Record(IReadOnlyList<Activity> replies)
    {
        foreach (var reply in replies)
        {
            unread.Enqueue(reply);
            var buttons = ButtonsOf(reply);
            var shown = reply.IsType(ActivityTypes.Message) ? reply.Text : $"[{reply.Type}] {reply.Text}";
            transcript.AppendLine($"<- bot:  {shown?.Replace("\n", "\n         ", StringComparison.Ordinal)}{(buttons.Count > 0 ? $"  [{string.Join(" | ", buttons)}]" : string.Empty)}");
        }
    }

    private Activity NextReply(string description)
    {
        while (unread.TryDequeue(out var reply))
        {
            if (!reply.IsType(ActivityTypes.Typing))
            {
                lastReply = reply;
                return reply;
            }
        }

        return Fail<Activity>($"Expected {description}, but the bot said nothing more.");
    }

    private void Fail(string message, Exception? inner = null) => Fail<object>(message, inner);

    private T Fail<T>(string message, Exception? inner = null) =>
        throw new TranscriptAssertionException($"{message}\n\nTranscript so far:\n{transcript}", inner);
}
