using System.Text.RegularExpressions;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

/// <summary>
/// Finds the conversation a mail belongs to: by In-Reply-To/References against the Message-IDs we sent or
/// received; then by the ticket number in the subject, but only when the sender is that ticket's requester;
/// otherwise it starts a new conversation.
/// </summary>
public sealed class EmailThreadResolver(IDbContextFactory<FirstLineDbContext> contexts, TicketService tickets, IOptions<TicketOptions> ticketOptions)
{
    public async Task<EmailThread> ResolveAsync(IncomingEmail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.ReferencedIds.Count > 0)
        {
            var ids = mail.ReferencedIds.ToList();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var sent = await db.Set<EmailSentMessageRow>().AsNoTracking()
                .Where(s => ids.Contains(s.MessageId))
                .Select(s => new { s.MessageId, s.ConversationId, s.TicketNumber })
                .ToListAsync(cancellationToken);
            var received = await db.Set<EmailMessageRow>().AsNoTracking()
                .Where(m => ids.Contains(m.MessageKey) && m.ConversationId != null)
                .Select(m => new { MessageId = m.MessageKey, ConversationId = m.ConversationId!, m.TicketNumber })
                .ToListAsync(cancellationToken);
            var known = sent.Concat(received).DistinctBy(x => x.MessageId).ToDictionary(x => x.MessageId, StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (known.TryGetValue(id, out var match))
                {
                    return new EmailThread(match.ConversationId, EmailThreadMatch.References, match.TicketNumber);
                }
            }
        }

        var prefix = Regex.Escape(ticketOptions.Value.NumberPrefix);
        var number = Regex.Match(mail.Subject, $@"\[({prefix}-\d{{1,10}})\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (number.Success)
        {
            var ticket = await tickets.FindAsync(number.Groups[1].Value, cancellationToken);
            if (ticket is not null && ticket.Channel == EmailChannel.ChannelId && IsRequester(ticket, mail.SenderAddress))
            {
                return new EmailThread(ticket.ConversationId, EmailThreadMatch.TicketNumber, ticket.Number);
            }
        }

        return new EmailThread(EmailThreading.ConversationIdFor(mail.MessageKey), EmailThreadMatch.New);
    }

    private static bool IsRequester(TicketRow ticket, string sender) =>
        string.Equals(ticket.Customer?.ChannelUserId, sender, StringComparison.OrdinalIgnoreCase)
        || string.Equals(ticket.Customer?.Email, sender, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The conversation a mail belongs to, how that was decided, and the ticket its thread is known for.</summary>
public sealed record EmailThread(string ConversationId, EmailThreadMatch Match, string? TicketNumber = null);

public enum EmailThreadMatch
{
    /// <summary>In-Reply-To/References named a mail of the conversation.</summary>
    References,

    /// <summary>The subject carried the ticket number and the sender is the ticket's requester.</summary>
    TicketNumber,

    /// <summary>Nothing matched: a new request.</summary>
    New,
}
