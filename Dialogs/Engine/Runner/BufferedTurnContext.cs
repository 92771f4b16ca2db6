using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Engine;

/// <summary>
/// The turn as dialogs see it while <see cref="DialogRunner"/> runs them: replies are held back until the
/// dialog state is saved, so a turn retried after an ETag conflict (or reset after broken state) never
/// shows the customer the replies of the attempt that did not count.
/// </summary>
internal sealed class BufferedTurnContext(ITurnContext inner) : ITurnContext
{
    private readonly List<Activity> pending = [];

    public BotAdapter Adapter => inner.Adapter;

    public Activity Activity => inner.Activity;

    public TurnContextStateCollection TurnState => inner.TurnState;

    public bool Responded => inner.Responded || pending.Any(a => !a.IsType(ActivityTypes.Trace));

    public Task<ResourceResponse> SendActivityAsync(string text, string? inputHint = null, CancellationToken cancellationToken = default)
    {
        var reply = Activity.CreateMessageActivity(text);
        reply.InputHint = inputHint ?? InputHints.AcceptingInput;
        return SendActivityAsync(reply, cancellationToken);
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses[0];
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var added = activities.ToList();
        pending.AddRange(added);

        // The channel assigns ids only on delivery; dialogs do not depend on them.
        return Task.FromResult(added.Select(_ => new ResourceResponse(string.Empty)).ToArray());
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        inner.OnSendActivities(handler);
        return this;
    }

    public void Discard() => pending.Clear();

    /// <summary>Delivers what the turn said, in order, through the real turn context (middleware, transcript, channel).</summary>
    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var activities = pending.ToList();
        pending.Clear();
        await inner.SendActivitiesAsync(activities, cancellationToken).ConfigureAwait(false);
    }
}
