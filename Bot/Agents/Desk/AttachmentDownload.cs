using System.Text;

namespace FirstLine.Bot.Agents;

/// <summary>
/// Sends a ticket's file so that a browser can only save it, never run it: always <c>Content-Disposition:
/// attachment</c> (RFC 6266, with <c>filename*</c> for names beyond ASCII), <c>nosniff</c>, a sandboxing CSP, and
/// the stored type only when it is a passive one — HTML, SVG, XML or script from a customer go out as
/// <c>application/octet-stream</c>. Shared by the REST API and the agent console.
/// </summary>
public sealed class AttachmentDownload(TicketAttachmentContent file) : IResult
{
    public const string OctetStream = "application/octet-stream";

    /// <summary>Types a browser shows or saves without running anything; anything else is sent as bytes.</summary>
    private static readonly HashSet<string> PassiveTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "application/zip", "application/x-zip-compressed", "application/gzip", "application/x-7z-compressed",
        "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-outlook", "application/rtf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff",
        "text/plain", "text/csv", "message/rfc822", "audio/mpeg", "audio/wav", "video/mp4",
    };

    public TicketAttachmentContent File { get; } = file;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = SafeContentType(File.Attachment.ContentType);
        response.ContentLength = File.Content.LongLength;
        response.Headers.ContentDisposition = Disposition(File.Attachment.FileName);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-store";
        await response.Body.WriteAsync(File.Content, httpContext.RequestAborted);
    }

    /// <summary>The stored type when it is passive, else <see cref="OctetStream"/> (also for anything malformed).</summary>
    public static string SafeContentType(string? stored)
    {
        var type = stored?.Split(';', 2)[0].Trim() ?? string.Empty;
        return PassiveTypes.Contains(type) ? type.ToLowerInvariant() : OctetStream;
    }

    /// <summary>
    /// <c>attachment; filename="…"; filename*=UTF-8''…</c>: the quoted name keeps printable ASCII only (quotes,
    /// backslashes, percent signs and everything else become <c>_</c>), the extended one carries the real name
    /// percent-encoded, so no name — CR/LF, quotes, umlauts — can break or extend the header.
    /// </summary>
    public static string Disposition(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = fileName.Trim().Length > 0 ? fileName.Trim() : "attachment";
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? c : '_');
        }

        var extended = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                extended.Append(c);
            }
            else
            {
                extended.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{extended}";
    }
}
