using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FirstLine.Channels.DirectLine;

/// <summary>
/// <c>POST conversations/{id}/upload</c>: a multipart body with an optional <c>activity</c> part
/// (application/vnd.microsoft.activity) and file parts, as botframework-directlinejs sends it, or a
/// single file as the raw body. The files are stored and the message carries links to them.
/// </summary>
public sealed class DirectLineUpload(DirectLineService service, IOptions<DirectLineOptions> options)
{
    private const string ActivityContentType = "application/vnd.microsoft.activity";

    public async Task<IResult> HandleAsync(HttpContext http, string conversationId, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = DirectLineEndpoints.Caller(http, service);
        caller.EnsureMayAccess(conversationId);
        var limits = options.Value;
        if (http.Request.ContentLength > limits.MaxUploadBytes)
        {
            throw DirectLineException.TooLarge("upload", limits.MaxUploadBytes);
        }

        var baseUrl = DirectLineEndpoints.ServiceUrl(http);
        var (activity, files) = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? await ReadMultipartAsync(http.Request, mediaType, limits, cancellationToken)
            : (null, [await ReadSingleFileAsync(http.Request, limits, cancellationToken)]);

        activity ??= Activity.CreateMessageActivity();
        activity.From ??= new ChannelAccount(userId ?? string.Empty);
        activity.Attachments = [];
        foreach (var file in files)
        {
            activity.Attachments.Add(await service.StoreUploadAsync(conversationId, file.ContentType, file.Name, file.Content, baseUrl, cancellationToken));
        }

        var id = await service.PostActivityAsync(caller, conversationId, activity, baseUrl, cancellationToken);
        return DirectLineEndpoints.Ok(new ResourceResponse(id));
    }

    private static async Task<(Activity? Activity, List<UploadedFile> Files)> ReadMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue mediaType, DirectLineOptions limits, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw DirectLineException.BadArgument("The multipart body has no boundary.");
        }

        // No reader limit: ReadLimitedAsync counts the bytes of all parts together and answers 413.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        Activity? activity = null;
        var files = new List<UploadedFile>();
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var content = await DirectLineEndpoints.ReadLimitedAsync(section.Body, null, limits.MaxUploadBytes - total, "upload", cancellationToken);
                total += content.Length;
                var contentType = section.ContentType ?? "application/octet-stream";
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                if (contentType.StartsWith(ActivityContentType, StringComparison.OrdinalIgnoreCase) || disposition?.Name.Value == "activity")
                {
                    activity = DirectLineEndpoints.ParseActivity(content);
                    continue;
                }

                if (files.Count == limits.MaxUploadFiles)
                {
                    throw new DirectLineException(413, "TooManyFiles", $"At most {limits.MaxUploadFiles} files can be uploaded at once.");
                }

                files.Add(new UploadedFile(contentType, FileName(disposition), content.ToArray()));
            }
        }
        catch (InvalidDataException exception)
        {
            throw new DirectLineException(400, "BadArgument", $"The multipart body is malformed: {exception.Message}", exception);
        }

        if (files.Count == 0)
        {
            throw DirectLineException.BadArgument("The upload contains no file.");
        }

        return (activity, files);
    }

    private static async Task<UploadedFile> ReadSingleFileAsync(HttpRequest request, DirectLineOptions limits, CancellationToken cancellationToken)
    {
        var content = await DirectLineEndpoints.ReadLimitedAsync(request.Body, request.ContentLength, limits.MaxUploadBytes, "upload", cancellationToken);
        if (content.IsEmpty)
        {
            throw DirectLineException.BadArgument("The upload is empty.");
        }

        ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition);
        return new UploadedFile(request.ContentType ?? "application/octet-stream", FileName(disposition), content.ToArray());
    }

    private static string? FileName(ContentDispositionHeaderValue? disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;
        return string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name);
    }

    private sealed record UploadedFile(string ContentType, string? Name, byte[] Content);
}
