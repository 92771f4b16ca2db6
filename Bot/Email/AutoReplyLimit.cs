using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

/// <summary>
/// Keeps the bot from answering one sender again and again (a looping auto-responder that slipped past the header
/// checks, a script, an angry customer sending mail after mail): counts the sender's mails the bot answered in the
/// last hour from the handled-mail records. Answers by agents are never limited.
/// </summary>
public sealed class AutoReplyLimit(IOptions<AutoReplyLimitOptions> options, IDbContextFactory<FirstLineDbContext> contexts, TimeProvider time)
{
    /// <summary>The audit action on a ticket whose mail got no automatic answer because of the limit.</summary>
    public const string AuditAction = "auto-reply-withheld";

    /// <summary>Why <paramref name="sender"/> gets no automatic answer now, or null when the bot may answer.</summary>
    public async Task<string?> ReasonToWithholdAsync(string sender, CancellationToken cancellationToken)
    {
        var limit = options.Value.PerSenderPerHour;
        var since = time.GetUtcNow().AddHours(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var answered = await AnsweredSince(db.Set<EmailMessageRow>(), sender, since).CountAsync(cancellationToken);
        return answered < limit
            ? null
            : $"automatic answer withheld: {sender} got {answered} automatic answers in the last hour (Email:AutoReplyLimit:PerSenderPerHour is {limit})";
    }

    /// <summary>
    /// The mails of <paramref name="sender"/> the bot answered since <paramref name="since"/>: a range of the
    /// (Sender, HandledAt) index, so the count costs the same with ten or ten million handled mails.
    /// </summary>
    internal static IQueryable<EmailMessageRow> AnsweredSince(IQueryable<EmailMessageRow> messages, string sender, DateTimeOffset since) =>

        // An answered mail is a processed one without a reason; ignored, failed, limited and chat-ticket notes carry one.
        messages.Where(m => m.Sender == sender && m.HandledAt >= since && m.Outcome == EmailOutcome.Processed && m.Reason == null);
}
