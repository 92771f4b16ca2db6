using System.Net.Sockets;
using MailKit;
using MailKit.Security;

namespace FirstLine.Channels.Email;

/// <summary>Connects MailKit clients as configured and turns their failures into <see cref="MailboxException"/>.</summary>
internal static class MailConnection
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task ConnectAsync(IMailService client, MailServerOptions server, int defaultPlain, int defaultSsl, string protocol, CancellationToken cancellationToken)
    {
        var port = server.Port > 0 ? server.Port : server.Security == MailSecurity.SslOnConnect ? defaultSsl : defaultPlain;
        var where = $"{protocol} {server.Host}:{port}";
        client.Timeout = (int)Timeout.TotalMilliseconds;
        try
        {
            await client.ConnectAsync(server.Host ?? throw new MailboxException($"{protocol}: Host is not configured."), port, SocketOptions(server.Security), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsMailFailure(exception))
        {
            throw new MailboxException($"Cannot connect to {where} ({server.Security}): {exception.Message}", exception);
        }

        if (string.IsNullOrEmpty(server.User))
        {
            return;
        }

        try
        {
            await client.AuthenticateAsync(server.User, server.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException exception)
        {
            throw new MailboxException($"{where} refused the login of '{server.User}': {exception.Message}", exception) { Permanent = true };
        }
        catch (Exception exception) when (IsMailFailure(exception))
        {
            throw new MailboxException($"Login to {where} as '{server.User}' failed: {exception.Message}", exception);
        }
    }

    public static bool IsMailFailure(Exception exception) => exception is IOException or SocketException or TimeoutException
        or ProtocolException or CommandException or SslHandshakeException or AuthenticationException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or FolderNotOpenException or FolderNotFoundException or MessageNotFoundException;

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
