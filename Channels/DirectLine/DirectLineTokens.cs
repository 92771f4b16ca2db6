using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FirstLine.Channels.DirectLine;

/// <summary>The claims a conversation token carries.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and checks conversation tokens: compact JWTs (HS256) signed with a key derived from the
/// Direct Line secret, so every node that knows the secret can check them without shared memory.
/// Web Chat reads the <c>user</c> claim as its user id.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "firstline-directline";
    private static readonly string Header = WebEncoders.Base64UrlEncode("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());

    private readonly byte[] signingKey;
    private readonly string secret;
    private readonly TimeProvider time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        secret = options.Value.Secret ?? throw new InvalidOperationException("DirectLine:Secret is not configured.");
        Lifetime = options.Value.TokenLifetime;
        this.time = time;
        signingKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "firstline/directline/token/v1"u8);
    }

    public TimeSpan Lifetime { get; }

    public bool IsSecret(string credential) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(secret));

    public string Issue(string conversationId, string userId)
    {
        var now = time.GetUtcNow();
        var payload = new Payload(Issuer, conversationId, userId, now.ToUnixTimeSeconds(), now.Add(Lifetime).ToUnixTimeSeconds(), Guid.NewGuid().ToString("N"));
        var body = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadContext.Default.Payload));
        var unsigned = $"{Header}.{body}";
        return $"{unsigned}.{Sign(unsigned)}";
    }

    /// <summary>Checks signature and expiry; throws the Direct Line error a client expects otherwise.</summary>
    public DirectLineTokenClaims Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            throw DirectLineException.InvalidToken();
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            throw DirectLineException.InvalidToken();
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(WebEncoders.Base64UrlDecode(parts[1]), PayloadContext.Default.Payload);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new DirectLineException(401, "InvalidToken", "The token is not valid.", exception);
        }

        if (payload is null || payload.Iss != Issuer || string.IsNullOrEmpty(payload.Conv) || string.IsNullOrEmpty(payload.User))
        {
            throw DirectLineException.InvalidToken();
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (expiresAt <= time.GetUtcNow())
        {
            throw DirectLineException.TokenExpired();
        }

        return new DirectLineTokenClaims(payload.Conv, payload.User, expiresAt);
    }

    private string Sign(string unsigned) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(unsigned)));

    internal sealed record Payload(
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("jti")] string Jti);
}

[JsonSerializable(typeof(DirectLineTokens.Payload))]
internal sealed partial class PayloadContext : JsonSerializerContext;
