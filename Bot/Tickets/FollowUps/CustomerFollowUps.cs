using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>What one run of the follow-ups did.</summary>
public sealed record FollowUpResult(int Reminded, int ClosedPending, int ClosedResolved, int SaidGoodbye, int OfferedEmail);

/// <summary>
/// The desk's patience, as <c>Tickets:FollowUps</c> sets it: a Pending ticket's quiet customer is reminded and later
/// the ticket closed with a notice; a Resolved ticket closes after a while; a chat customer silent inside a conversation
/// with the bot is said goodbye; a chat customer waiting in vain for an agent is offered an answer by email. Each step
/// is marked on the ticket (or ends the dialog) before the customer is told, so it happens once.
/// </summary>
public sealed partial class CustomerFollowUps(
    IDbContextFactory<FirstLineDbContext> contexts,
    TicketService tickets,
    ConversationOwnership ownership,
    CustomerNotices notices,
    IStorage storage,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<CustomerFollowUps> logger)
{
    public const string Actor = "follow-up";
    private const string DialogKeyPrefix = "dialogs/";
    private const string EmptyStack = "\"stack\":[]";

    /// <summary>Runs every follow-up that is due; a customer who cannot be reached does not hold up the others.</summary>
    /// <exception cref="FollowUpException">some customers could not be told (after all others were handled)</exception>
    public async Task<FollowUpResult> RunAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        var result = new FollowUpResult(
            await RemindPendingAsync(failures, cancellationToken),
            await ClosePendingAsync(failures, cancellationToken),
            await CloseResolvedAsync(cancellationToken),
            await SayGoodbyeToIdleChatsAsync(failures, cancellationToken),
            await OfferEmailToWaitingChatsAsync(failures, cancellationToken));
        return failures.Count == 0
            ? result
            : throw new FollowUpException($"{failures.Count} follow-up message(s) could not reach the customer; the first: {failures[0].Message}", new AggregateException(failures));
    }

    private async Task<int> RemindPendingAsync(List<Exception> failures, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.PendingReminderAfter;
        var due = await TicketsAsync(t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt == null && t.SlaPausedSince <= since, cancellationToken);
        return await ForEachAsync(due, failures, async ticket =>
        {
            var marked = await MarkAsync(ticket.Number, t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt is null, t => t.PendingReminderSentAt = time.GetUtcNow(), cancellationToken);
            if (marked is not null)
            {
                await notices.SendAsync(marked, locale => FollowUpTexts.PendingReminder(locale, marked.Number), cancellationToken);
            }

            return marked is not null;
        });
    }

    private async Task<int> ClosePendingAsync(List<Exception> failures, CancellationToken cancellationToken)
    {
        var remindedBefore = time.GetUtcNow() - options.Value.PendingCloseAfterReminder;
        var due = await TicketsAsync(t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt <= remindedBefore, cancellationToken);
        return await ForEachAsync(due, failures, async ticket =>
        {
            var closed = await MarkAsync(ticket.Number, t => t.Status == TicketStatus.Pending && t.PendingReminderSentAt <= remindedBefore, t => t.Status = TicketStatus.Closed, cancellationToken);
            if (closed is not null)
            {
                await notices.SendAsync(closed, locale => FollowUpTexts.PendingClosed(locale, closed.Number), cancellationToken);
            }

            return closed is not null;
        });
    }

    private async Task<int> CloseResolvedAsync(CancellationToken cancellationToken)
    {
        var resolvedBefore = time.GetUtcNow() - options.Value.ResolvedCloseAfter;
        var closed = 0;
        foreach (var ticket in await TicketsAsync(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= resolvedBefore, cancellationToken))
        {
            if (await MarkAsync(ticket.Number, t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= resolvedBefore, t => t.Status = TicketStatus.Closed, cancellationToken) is not null)
            {
                closed++;
            }
        }

        return closed;
    }

    /// <summary>
    /// A chat whose dialogs wait for the customer, untouched for <see cref="FollowUpOptions.BotIdleGoodbyeAfter"/>: the
    /// bot says goodbye and forgets the dialog (the next message starts afresh); a ticket the bot was still working on is
    /// closed. Conversations an agent or the queue holds are not the bot's to end.
    /// </summary>
    private async Task<int> SayGoodbyeToIdleChatsAsync(List<Exception> failures, CancellationToken cancellationToken)
    {
        var quietSince = time.GetUtcNow() - options.Value.BotIdleGoodbyeAfter;
        List<string> keys;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            keys = await db.States.AsNoTracking()
                .Where(s => s.Key.StartsWith(DialogKeyPrefix) && !s.Key.StartsWith(DialogKeyPrefix + EmailChannel.ChannelId + "/") && s.UpdatedAt <= quietSince)

                // Finished conversations keep an empty stack; only a waiting dialog is worth a goodbye.
                .Where(s => !s.Json.Contains(EmptyStack))
                .OrderBy(s => s.UpdatedAt)
                .Select(s => s.Key)
                .ToListAsync(cancellationToken);
        }

        return await ForEachAsync(keys, failures, key => SayGoodbyeAsync(key, quietSince, cancellationToken));
    }

    private async Task<bool> SayGoodbyeAsync(string key, DateTimeOffset quietSince, CancellationToken cancellationToken)
    {
        var (channel, conversationId) = SplitKey(key);
        if (channel.Length == 0)
        {
            return false;
        }

        var owner = await ownership.FindAsync(channel, conversationId, cancellationToken);
        if (owner is not null && owner.Owner != ConversationOwner.Bot)
        {
            return false;
        }

        var ticket = await tickets.FindLatestForConversationAsync(channel, conversationId, cancellationToken);
        var reference = BotJson.Deserialize<ConversationReference>(ticket?.ConversationReferenceJson ?? "null")
            ?? new ConversationReference { ChannelId = channel, Conversation = new ConversationAccount(conversationId) };
        var locale = ticket?.Language ?? await LastCustomerLocaleAsync(channel, conversationId, cancellationToken);
        var ended = await notices.SendAsync(reference, locale, FollowUpTexts.Goodbye, ct => EndDialogAsync(key, quietSince, ct), cancellationToken);
        if (!ended)
        {
            return false;
        }

        if (ticket is { Status: TicketStatus.New, Level: SupportLevel.Bot })
        {
            await MarkAsync(ticket.Number, t => t.Status == TicketStatus.New && t.Level == SupportLevel.Bot, t => t.Status = TicketStatus.Closed, cancellationToken);
        }

        return true;
    }

    /// <summary>Forgets a dialog that still waits, unchanged since the cut-off; false when the customer came back or it has ended.</summary>
    private async Task<bool> EndDialogAsync(string key, DateTimeOffset quietSince, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.States.AnyAsync(s => s.Key == key && s.UpdatedAt <= quietSince, cancellationToken))
            {
                return false;
            }
        }

        if (await storage.ReadAsync<DialogState>(key, cancellationToken) is not { Value.Stack.Count: > 0 })
        {
            return false;
        }

        // Runs inside the conversation's turn gate: no turn of this customer can write the stack in between.
        await storage.DeleteAsync(key, cancellationToken);
        return true;
    }

    /// <summary>
    /// A chat waiting in the queue for <see cref="FollowUpOptions.QueueWaitEmailOfferAfter"/>: the customer is offered an
    /// answer by email (at the address they gave, or they are asked for one); the ticket stays in the queue.
    /// </summary>
    private async Task<int> OfferEmailToWaitingChatsAsync(List<Exception> failures, CancellationToken cancellationToken)
    {
        var queuedBefore = time.GetUtcNow() - options.Value.QueueWaitEmailOfferAfter;
        List<string> numbers;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            numbers = await db.ConversationOwners.AsNoTracking()
                .Where(o => o.Owner == ConversationOwner.Queue && o.Channel != EmailChannel.ChannelId && o.TicketNumber != null && o.UpdatedAt <= queuedBefore)
                .Join(db.Tickets.Where(t => t.EmailFollowUpOfferedAt == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed), o => o.TicketNumber, t => t.Number, (o, t) => t.Number)
                .ToListAsync(cancellationToken);
        }

        return await ForEachAsync(numbers, failures, async number =>
        {
            var offered = await MarkAsync(number, t => t.EmailFollowUpOfferedAt is null, t => t.EmailFollowUpOfferedAt = time.GetUtcNow(), cancellationToken);
            if (offered is not null)
            {
                await notices.SendAsync(offered, locale => FollowUpTexts.EmailOffer(locale, offered.Number, offered.Customer?.Email), cancellationToken);
            }

            return offered is not null;
        });
    }

    /// <summary>Applies <paramref name="change"/> when <paramref name="stillDue"/> holds on the stored ticket; null when it no longer did.</summary>
    private async Task<TicketRow?> MarkAsync(string number, Func<TicketRow, bool> stillDue, Action<TicketRow> change, CancellationToken cancellationToken)
    {
        var current = await tickets.FindAsync(number, cancellationToken);
        if (current is null || !stillDue(current))
        {
            return null;
        }

        try
        {
            return await tickets.UpdateAsync(number, Actor, change, current.ETag, cancellationToken);
        }
        catch (TicketConcurrencyException)
        {
            // Someone (the customer, an agent) changed the ticket just now; the next run looks again.
            return null;
        }
    }

    private async Task<List<TicketRow>> TicketsAsync(System.Linq.Expressions.Expression<Func<TicketRow, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking().Where(filter).OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task<string?> LastCustomerLocaleAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.Transcripts.AsNoTracking()
            .Where(t => t.ChannelId == channel && t.ConversationId == conversationId && t.Type == ActivityTypes.Message)
            .OrderByDescending(t => t.Id)
            .Select(t => t.Json)
            .Take(20)
            .ToListAsync(cancellationToken);
        return latest.Select(json => BotJson.Deserialize<Activity>(json)).FirstOrDefault(a => a?.From?.Role != RoleTypes.Bot)?.Locale;
    }

    private async Task<int> ForEachAsync<T>(IEnumerable<T> items, List<Exception> failures, Func<T, Task<bool>> handle)
    {
        var done = 0;
        foreach (var item in items)
        {
            try
            {
                done += await handle(item) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFollowUpFailed(exception, item?.ToString());
                failures.Add(exception);
            }
        }

        return done;
    }

    private static (string Channel, string ConversationId) SplitKey(string key)
    {
        var rest = key[DialogKeyPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? (string.Empty, string.Empty) : (rest[..slash], rest[(slash + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up for {Item} failed; the others go on")]
    private partial void LogFollowUpFailed(Exception exception, string? item);
}

/// <summary>Some follow-ups of a run could not be done; the others were.</summary>
public sealed class FollowUpException : Exception
{
    public FollowUpException()
    {
    }

    public FollowUpException(string message)
        : base(message)
    {
    }

    public FollowUpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
