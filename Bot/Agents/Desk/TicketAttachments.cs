using System.Linq.Expressions;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>A file on a ticket, without its bytes (what lists show).</summary>
/// <param name="Inline">an image shown inside the mail's HTML (<c>cid:</c>), not a file beside it</param>
/// <param name="ContentId">the Content-ID the mail's HTML refers to, without angle brackets</param>
/// <param name="ReceivedAt">when the mail that brought it was taken in</param>
public sealed record TicketAttachment(long Id, string FileName, string ContentType, long Bytes, string Sha256, bool Inline, string? ContentId, DateTimeOffset ReceivedAt);

/// <summary>A file on a ticket with its bytes, to download.</summary>
public sealed record TicketAttachmentContent(TicketAttachment Attachment, byte[] Content);

/// <summary>
/// Reads the files stored on tickets (mail attachments, inline images, unpacked winmail.dat). A file is only ever
/// found through its own ticket: an id that belongs to another ticket is "not found", like one that does not exist.
/// </summary>
public sealed class TicketAttachments(IDbContextFactory<FirstLineDbContext> contexts)
{
    private static readonly Expression<Func<TicketAttachmentRow, TicketAttachment>> Metadata =
        a => new TicketAttachment(a.Id, a.FileName, a.ContentType, a.Bytes, a.Sha256, a.Inline, a.ContentId, a.CreatedAt);

    private static readonly Func<TicketAttachmentRow, TicketAttachment> ToAttachment = Metadata.Compile();

    /// <summary>The ticket's files, oldest first; null when there is no such ticket.</summary>
    public async Task<IReadOnlyList<TicketAttachment>?> ListAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticketId = await TicketIdAsync(db, number, cancellationToken);
        if (ticketId is null)
        {
            return null;
        }

        return await Of(db, ticketId.Value).OrderBy(a => a.Id).Select(Metadata).ToListAsync(cancellationToken);
    }

    /// <summary>One file with its bytes; null when the ticket does not exist or the file is not one of its own.</summary>
    public async Task<TicketAttachmentContent?> FindAsync(string number, long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticketId = await TicketIdAsync(db, number, cancellationToken);
        if (ticketId is null)
        {
            return null;
        }

        var row = await Of(db, ticketId.Value).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : new TicketAttachmentContent(ToAttachment(row), row.Content);
    }

    private static IQueryable<TicketAttachmentRow> Of(FirstLineDbContext db, long ticketId) =>
        db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == ticketId);

    private static async Task<long?> TicketIdAsync(FirstLineDbContext db, string number, CancellationToken cancellationToken) =>
        await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
}
