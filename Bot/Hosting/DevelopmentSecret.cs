using System.Security.Cryptography;
using FirstLine.Bot.Storage;
using FirstLine.Channels.DirectLine;
using Microsoft.AspNetCore.WebUtilities;

namespace FirstLine.Bot.Hosting;

/// <summary>
/// In Development, a missing Direct Line secret is generated once and kept in the data folder, so
/// <c>dotnet run</c> works with no set-up and tokens survive a restart. Never outside Development, and never for a
/// node of several (<c>Scaling:Redis</c> set): every node must check the same tokens, so the secret is configured.
/// </summary>
internal static class DevelopmentSecret
{
    public static void Apply(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()
            || !string.IsNullOrWhiteSpace(builder.Configuration["DirectLine:Secret"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["Scaling:Redis"]))
        {
            return;
        }

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        Directory.CreateDirectory(storage.ResolvedDataDirectory);
        var path = Path.Combine(storage.ResolvedDataDirectory, "directline-secret.txt");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)));
        }

        builder.Configuration[$"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.Secret)}"] = File.ReadAllText(path).Trim();
        builder.Configuration["FirstLine:GeneratedSecretPath"] = path;
    }
}
