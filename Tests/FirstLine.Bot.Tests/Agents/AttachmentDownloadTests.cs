using System.Net.Http.Headers;
using FirstLine.Bot.Agents;

namespace FirstLine.Bot.Tests.Agents;

/// <summary>The headers a ticket's file is sent with, whatever name and type a mail gave it.</summary>
public sealed class AttachmentDownloadTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("Übersicht März.xlsx", "_bersicht M_rz.xlsx")]
    [InlineData("a\"b\\c%d.txt", "a_b_c_d.txt")]
    [InlineData("evil.txt\r\nSet-Cookie: x=1", "evil.txt__Set-Cookie: x=1")]
    [InlineData("日本語.doc", "___.doc")]
    [InlineData("   ", "attachment")]
    public void The_disposition_is_attachment_with_an_ASCII_name_and_the_real_name_in_filename_star(string name, string ascii)
    {
        var header = AttachmentDownload.Disposition(name);

        Assert.DoesNotContain('\r', header);
        Assert.DoesNotContain('\n', header);
        var parsed = ContentDispositionHeaderValue.Parse(header);
        Assert.Equal("attachment", parsed.DispositionType);
        Assert.Equal(ascii, parsed.FileName);
        Assert.Equal(string.IsNullOrWhiteSpace(name) ? "attachment" : name.Trim(), parsed.FileNameStar);
        Assert.Equal(2, parsed.Parameters.Count);
    }

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("IMAGE/PNG", "image/png")]
    [InlineData("text/plain; charset=utf-8", "text/plain")]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData("application/xhtml+xml", "application/octet-stream")]
    [InlineData("text/javascript", "application/octet-stream")]
    [InlineData("application/pdf\r\nX-Evil: 1", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    public void Only_passive_types_keep_their_type_everything_else_is_sent_as_bytes(string stored, string sent) =>
        Assert.Equal(sent, AttachmentDownload.SafeContentType(stored));
}
