using System.Security.Cryptography;
using System.Text;
using FirstLine.Channels.DirectLine;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.WebChat;

/// <summary>
/// Remembers which conversation a browser owns, so closing the tab (or a server restart) does not lose the
/// chat. The cookie is HttpOnly and signed with a key derived from the Direct Line secret, so any node can
/// check it and nobody can claim someone else's conversation by guessing its id.
/// </summary>
public sealed class WebChatSessionCookie
{
    public const string Name = "FirstLine.WebChat";

    private readonly byte[] key;

    public WebChatSessionCookie(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Secret!), "firstline/webchat/session/v1"u8);
    }

    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(30);

    public string Protect(string conversationId) => $"{conversationId}.{Sign(conversationId)}";

    /// <summary>The conversation id the cookie vouches for, or null when it is missing or tampered with.</summary>
    public string? Unprotect(string? value)
    {
        var dot = value?.LastIndexOf('.') ?? -1;
        if (dot <= 0)
        {
            return null;
        }

        var conversationId = value![..dot];
        var expected = Encoding.ASCII.GetBytes(Sign(conversationId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(value[(dot + 1)..])) ? conversationId : null;
    }

    private string Sign(string conversationId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(conversationId)));
}
