using Microsoft.AspNetCore.Identity;

namespace FirstLine.Bot.Agents;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and the minimum password rules.</summary>
public sealed class AgentPasswords
{
    public const int MinLength = 10;

    private readonly PasswordHasher<AgentRow> hasher = new();

    /// <summary>A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist.</summary>
    private readonly Lazy<string> decoyHash;

    public AgentPasswords() => decoyHash = new Lazy<string>(() => Hash(Guid.NewGuid().ToString("N")));

    public static void EnsureAcceptable(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            throw new AgentValidationException($"The password must have at least {MinLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(password) || password.Trim().Length != password.Length)
        {
            throw new AgentValidationException("The password must not start or end with spaces.");
        }
    }

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public PasswordVerificationResult Verify(string hash, string password) => hasher.VerifyHashedPassword(null!, hash, password);

    public void VerifyDecoy(string password) => hasher.VerifyHashedPassword(null!, decoyHash.Value, password);
}
