using System.Globalization;
using FirstLine.Bot.Handoff;
using FirstLine.Channels.Schema;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets.Sla;

/// <summary>
/// What the SLA watch does to one ticket: warn its agents, or mark a missed target, escalate (raise a level or
/// re-queue, as <c>Tickets:SlaWatch:OnBreach</c> says) and tell the supervisors. Each happens at most once per
/// clock: the mark is set in the same change that the audit trail records.
/// </summary>
public sealed class SlaEscalation(
    TicketService tickets,
    ConversationOwnership ownership,
    IAgentNotifier notifier,
    SupervisorMail supervisors,
    IOptions<SlaWatchOptions> options,
    TimeProvider time)
{
    /// <summary>True when this call gave the warning (false: it had been given already).</summary>
    public async Task<bool> WarnAsync(string number, SlaKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var warned = false;
        var ticket = await tickets.UpdateAsync(
            number,
            SlaWatch.Actor,
            t =>
            {
                if (kind == SlaKind.FirstResponse && t.FirstResponseWarnedAt is null)
                {
                    (t.FirstResponseWarnedAt, warned) = (now, true);
                }
                else if (kind == SlaKind.Resolution && t.ResolutionWarnedAt is null)
                {
                    (t.ResolutionWarnedAt, warned) = (now, true);
                }
            },
            expectedETag: null,
            cancellationToken);
        if (warned)
        {
            await notifier.PublishAsync(new AgentEvent(AgentEventKind.SlaWarning, number, Queue: ticket.Queue), cancellationToken);
        }

        return warned;
    }

    /// <summary>True when this call handled the breach (false: it had been handled already).</summary>
    public async Task<bool> BreachAsync(string number, SlaKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var action = options.Value.OnBreach;
        var breached = false;
        var levelBefore = SupportLevel.Bot;
        var ticket = await tickets.UpdateAsync(
            number,
            SlaWatch.Actor,
            t =>
            {
                if (kind == SlaKind.FirstResponse ? t.FirstResponseBreachedAt is not null : t.ResolutionBreachedAt is not null)
                {
                    return;
                }

                breached = true;
                levelBefore = t.Level;
                if (kind == SlaKind.FirstResponse)
                {
                    t.FirstResponseBreachedAt = now;
                }
                else
                {
                    t.ResolutionBreachedAt = now;
                }

                if (action == SlaBreachAction.RaiseLevel && t.Level == SupportLevel.Second)
                {
                    t.Level = SupportLevel.Third;
                }

                if (action != SlaBreachAction.NotifyOnly)
                {
                    t.AssigneeId = null;
                }
            },
            expectedETag: null,
            cancellationToken);
        if (!breached)
        {
            return false;
        }

        var due = kind == SlaKind.FirstResponse ? ticket.FirstResponseDueAt : ticket.ResolutionDueAt;
        await tickets.AddNoteAsync(number, SlaWatch.Actor, Describe(ticket, kind, due, levelBefore, action), cancellationToken);
        if (action != SlaBreachAction.NotifyOnly)
        {
            await RequeueConversationAsync(number, cancellationToken);
        }

        await notifier.PublishAsync(new AgentEvent(AgentEventKind.SlaBreached, number, Queue: ticket.Queue), cancellationToken);
        await supervisors.SendBreachAsync(ticket, kind, due, cancellationToken);
        return true;
    }

    /// <summary>A live chat an agent held goes back to the queue, where the next (or a level-3) agent can claim it.</summary>
    private async Task RequeueConversationAsync(string number, CancellationToken cancellationToken)
    {
        var owner = await ownership.FindByTicketAsync(number, cancellationToken);
        if (owner is { Owner: ConversationOwner.Agent } && BotJson.Deserialize<ConversationReference>(owner.ConversationReferenceJson) is { } reference)
        {
            await ownership.QueueAsync(reference, number, cancellationToken);
        }
    }

    private static string Describe(TicketRow ticket, SlaKind kind, DateTimeOffset? due, SupportLevel levelBefore, SlaBreachAction action)
    {
        var target = kind == SlaKind.FirstResponse ? "first-response" : "resolution";
        var done = action switch
        {
            SlaBreachAction.RaiseLevel when ticket.Level != levelBefore => $"raised to level {(int)ticket.Level} and back in the queue",
            SlaBreachAction.RaiseLevel or SlaBreachAction.Requeue => "unassigned and back in the queue",
            _ => "left as it is",
        };
        return string.Create(CultureInfo.InvariantCulture, $"SLA breached: the {target} target ({due:yyyy-MM-dd HH:mm} UTC) was missed. The ticket was {done}; supervisors were told.");
    }
}
