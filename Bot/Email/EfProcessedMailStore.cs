using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Email;

/// <summary>De-duplication from the database: a handled mail's key maps to the folder it belongs in.</summary>
public sealed class EfProcessedMailStore(IDbContextFactory<FirstLineDbContext> contexts) : IProcessedMailStore
{
    public async Task<MailDisposition?> FindAsync(string mailbox, string messageKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outcome = await db.Set<EmailMessageRow>().AsNoTracking()
            .Where(m => m.Mailbox == mailbox && m.MessageKey == messageKey)
            .Select(m => (EmailOutcome?)m.Outcome)
            .FirstOrDefaultAsync(cancellationToken);
        return outcome switch
        {
            null => null,
            EmailOutcome.Failed => MailDisposition.Failed,
            _ => MailDisposition.Processed,
        };
    }
}
