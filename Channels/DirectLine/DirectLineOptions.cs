using System.ComponentModel.DataAnnotations;

namespace FirstLine.Channels.DirectLine;

/// <summary>The <c>DirectLine</c> section of appsettings.json.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The master key websites exchange for tokens (server to server, never in a browser). Required outside
    /// Development; in Development one is generated at start and written to the log.
    /// </summary>
    public string? Secret { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "DirectLine:TokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "DirectLine:MaxActivityBytes must be between 1024 and 16777216.")]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    [Range(1024, 512 * 1024 * 1024, ErrorMessage = "DirectLine:MaxUploadBytes must be between 1024 and 536870912.")]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 100, ErrorMessage = "DirectLine:MaxUploadFiles must be between 1 and 100.")]
    public int MaxUploadFiles { get; set; } = 10;

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Optional public base URL (e.g. https://support.example.com) when behind a proxy; otherwise taken from the request.</summary>
    [Url(ErrorMessage = "DirectLine:PublicBaseUrl must be an absolute URL such as https://support.example.com.")]
    public string? PublicBaseUrl { get; set; }

    public string BotId { get; set; } = "firstline";

    public string BotName { get; set; } = "FirstLine";
}
