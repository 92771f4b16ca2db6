using FirstLine.Bot.Storage;
using MimeKit;

namespace FirstLine.Bot.Email;

/// <summary>
/// Puts a composed mail into the outbox together with its Message-ID (so replies to it find their conversation and
/// ticket). The caller saves both in the same transaction as whatever made the mail.
/// </summary>
internal static class EmailOutboxRows
{
    public static string Add(FirstLineDbContext db, string mailbox, string conversationId, string? ticketNumber, MimeMessage mail, DateTimeOffset now)
    {
        var recipient = mail.To.Mailboxes.First().Address;
        var messageId = mail.MessageId ?? throw new InvalidOperationException("A composed mail always has a Message-ID.");
        db.Add(new EmailSentMessageRow { MessageId = messageId, Mailbox = mailbox, ConversationId = conversationId, TicketNumber = ticketNumber, Recipient = recipient, CreatedAt = now });
        using var mime = new MemoryStream();
        mail.WriteTo(mime);
        db.Add(new EmailOutboxRow { Mailbox = mailbox, MessageId = messageId, ConversationId = conversationId, Recipient = recipient, Mime = mime.ToArray(), CreatedAt = now, NextAttemptAt = now });
        return messageId;
    }
}
