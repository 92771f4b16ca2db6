using System.Text;
using MimeKit;

namespace FirstLine.Channels.Tests.Email;

/// <summary>
/// A mail whose only part is an Outlook <c>winmail.dat</c> (TNEF), written attribute by attribute as Outlook does:
/// the TNEF version, the ANSI code page 1252 and the plain-text body in that code page.
/// </summary>
internal static class WinmailFixture
{
    private const byte MessageLevel = 0x01;

    public static byte[] Mail(string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Otto Outlook", "otto@kunde.example"));
        message.To.Add(new MailboxAddress("Support", "support@example.test"));
        message.Subject = "Drucker";
        message.MessageId = "winmail-1@kunde.example";
        message.Body = new MimePart("application", "ms-tnef")
        {
            Content = new MimeContent(new MemoryStream(Tnef(body))),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "winmail.dat",
        };
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }

    private static byte[] Tnef(string body)
    {
        using var output = new MemoryStream();
        using var writer = new BinaryWriter(output);
        writer.Write(0x223E9F78u); // TNEF signature
        writer.Write((ushort)0x0001); // attachment key
        Attribute(writer, 0x00089006, BitConverter.GetBytes(0x00010000u)); // attTnefVersion
        Attribute(writer, 0x00069007, [.. BitConverter.GetBytes(1252u), .. BitConverter.GetBytes(0u)]); // attOemCodepage
        Attribute(writer, 0x0002800C, [.. CodePage1252(body), 0]); // attBody
        writer.Flush();
        return output.ToArray();
    }

    private static void Attribute(BinaryWriter writer, uint id, byte[] data)
    {
        writer.Write(MessageLevel);
        writer.Write(id);
        writer.Write((uint)data.Length);
        writer.Write(data);
        writer.Write((ushort)data.Sum(b => b));
    }

    // Latin-1 and code page 1252 agree on every character the tests use (umlauts, ß).
    private static byte[] CodePage1252(string text) => Encoding.Latin1.GetBytes(text);
}
