using System.Globalization;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Privacy;

/// <summary>
/// Writes the files of a <see cref="CustomerExport"/> into a folder beside the document, each under the name its
/// <see cref="ExportedTicketFile.File"/> gives. One file is read and written at a time, so an export of many large
/// mails needs no more memory than its largest file.
/// </summary>
public sealed partial class CustomerFiles(IDbContextFactory<FirstLineDbContext> contexts, ILogger<CustomerFiles> logger)
{
    /// <summary><c>42-report.pdf</c>: the id keeps two files of the same name apart.</summary>
    public static string PathOf(long id, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}-{(AttachmentName.Sanitize(fileName) is { Length: > 0 } name ? name : "file")}");

    /// <summary>Writes every file of <paramref name="export"/> into <paramref name="directory"/> (created when missing).</summary>
    /// <returns>how many files were written</returns>
    /// <exception cref="IOException">a file of that name is there already, or the folder cannot be written</exception>
    /// <exception cref="PrivacyException">a file was erased while the export ran</exception>
    public async Task<int> WriteAsync(CustomerExport export, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        Directory.CreateDirectory(directory);
        var written = 0;
        foreach (var file in export.Tickets.SelectMany(t => t.Attachments))
        {
            byte[] content;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                content = await db.TicketAttachments.AsNoTracking().Where(a => a.Id == file.Id).Select(a => a.Content).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new PrivacyException($"The file {file.Id} ({file.FileName}) was erased while the export ran; export again.");
            }

            // CreateNew: never overwrite what an earlier export (of maybe another customer) left in the folder.
            await using var stream = new FileStream(Path.Combine(directory, file.File), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await stream.WriteAsync(content, cancellationToken);
            written++;
        }

        LogWritten(written, directory);
        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Files} files of a customer export to {Directory}")]
    private partial void LogWritten(int files, string directory);
}
