using MailKit.Net.Smtp;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>Sends a mail through the mailbox's SMTP server; failures surface as <see cref="MailboxException"/>.</summary>
public sealed class SmtpMailSender
{
    public async Task SendAsync(MailboxOptions mailbox, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient();
        await MailConnection.ConnectAsync(client, mailbox.Smtp, 587, 465, "SMTP", cancellationToken).ConfigureAwait(false);
        try
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException exception)
        {
            var permanent = (int)exception.StatusCode >= 500;
            throw new MailboxException($"SMTP {mailbox.Smtp.Host} refused the mail to {message.To}: {(int)exception.StatusCode} {exception.Message}", exception) { Permanent = permanent };
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            throw new MailboxException($"Sending through SMTP {mailbox.Smtp.Host} failed: {exception.Message}", exception);
        }
    }
}
