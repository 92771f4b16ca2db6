using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Email;

/// <summary>
/// Puts a mail's files on its ticket, in the caller's context, so they are committed together with the record that
/// the mail was handled (a crash in between leaves neither, and the mail is read again). Files that were not
/// imported become one note agents see, naming each with its size and why.
/// </summary>
internal static class EmailAttachmentRows
{
    public const string AttachmentsAddedAction = "attachments-added";

    public static async Task AddAsync(FirstLineDbContext db, string ticketNumber, IncomingEmail mail, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skipped = mail.ChannelData.SkippedAttachments;
        if (mail.Attachments.Count == 0 && skipped.Count == 0)
        {
            return;
        }

        var ticketId = await db.Tickets.Where(t => t.Number == ticketNumber).Select(t => t.Id).SingleAsync(cancellationToken);
        db.TicketAttachments.AddRange(mail.Attachments.Select(file => new TicketAttachmentRow
        {
            TicketId = ticketId,
            FileName = file.Name,
            ContentType = file.ContentType,
            Bytes = file.Content.LongLength,
            Sha256 = file.Sha256,
            Inline = file.Inline,
            ContentId = file.ContentId,
            SourceMessageId = mail.MessageKey,
            Content = file.Content,
            CreatedAt = now,
        }));
        if (mail.Attachments.Count > 0)
        {
            db.TicketAudit.Add(new TicketAuditRow { TicketId = ticketId, Actor = actor, Action = AttachmentsAddedAction, NewValue = $"{mail.Attachments.Count} from {mail.MessageKey}", At = now });
        }

        if (skipped.Count > 0)
        {
            var lines = string.Join("\n", skipped.Select(s => "- " + s.Describe()));
            db.TicketNotes.Add(new TicketNoteRow { TicketId = ticketId, Author = actor, Text = $"Not every file of the mail from {mail.SenderAddress} was imported:\n{lines}", CreatedAt = now });
            db.TicketAudit.Add(new TicketAuditRow { TicketId = ticketId, Actor = actor, Action = "note-added", At = now });
        }
    }
}
