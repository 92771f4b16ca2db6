using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FirstLine.Bot.Agents;

/// <summary>
/// Keys look like <c>flk_&lt;id&gt;_&lt;secret&gt;</c>: the prefix makes them recognisable to secret scanners,
/// the id finds the row, and the secret (256 random bits) is only ever compared as a hash.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "flk_";
    private const int KeyIdLength = 16;

    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        return (keyId, $"{Prefix}{keyId}_{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}");
    }

    public static bool TryGetKeyId(string key, out string keyId)
    {
        keyId = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + KeyIdLength + 2 || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        keyId = key.Substring(Prefix.Length, KeyIdLength);
        return true;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
