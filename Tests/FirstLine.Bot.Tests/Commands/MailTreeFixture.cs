using System.Text;
using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.Commands;

/// <summary>
/// A folder tree of nine mails as <c>eval mime</c> meets them: four that become tickets (one with a 512 KB header,
/// two in one mbox file), a copy of one of them, an out-of-office reply, and three unreadable files (no sender,
/// zero bytes, binary junk).
/// </summary>
public sealed class MailTreeFixture : IDisposable
{
    private readonly TemporaryDirectory folder = new("firstline-eval-mime");

    public MailTreeFixture()
    {
        var request = Mail("<drucker-1@kunde.example>", "Drucker druckt nicht", "Der Drucker im 2. Stock druckt nicht mehr.");
        Write("good/drucker.eml", request);
        Write("good/copy-of-drucker.eml", request);
        Write("good/huge-header.eml", Mail("<header-1@kunde.example>", "VPN", "Das VPN bricht ab.", $"X-Trace: {new string('x', 512 * 1024)}\n"));
        Write("mbox/two.mbox", $"From kunde@kunde.example Mon Nov 30 09:00:00 2026\n{Mail("<mbox-1@kunde.example>", "Passwort", "Ich habe mein Passwort vergessen.")}\n"
            + $"From kunde@kunde.example Mon Nov 30 09:05:00 2026\n{Mail("<mbox-2@kunde.example>", "WLAN", "Das WLAN ist langsam.")}\n");
        Write("auto/abwesend.eml", Mail("<ooo-1@kunde.example>", "Abwesenheitsnotiz", "Ich bin bis Montag nicht im Büro.", "Auto-Submitted: auto-replied\n"));
        Write("broken/no-sender.eml", "Subject: kaputt\nMessage-ID: <broken-1@kunde.example>\n\nkein Absender\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "broken", "empty.eml"), []);
        File.WriteAllBytes(Path.Combine(folder.Path, "broken", "junk.bin"), Junk(64 * 1024));
    }

    public string Folder => folder.Path;

    public void Dispose() => folder.Dispose();

    private static string Mail(string messageId, string subject, string text, string extraHeaders = "") =>
        $"From: Klara Kunde <klara@kunde.example>\nTo: support@example.test\nSubject: {subject}\nMessage-ID: {messageId}\n"
        + $"Date: Mon, 30 Nov 2026 09:00:00 +0100\nContent-Language: de\n{extraHeaders}Content-Type: text/plain; charset=utf-8\n\n{text}\n";

    // Deterministic, so a failure can be reproduced byte for byte.
    private static byte[] Junk(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private void Write(string relativePath, string text)
    {
        var file = Path.Combine(folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(false));
    }
}
