using System.Text;

namespace FirstLine.Channels.Tests.Email;

/// <summary>Small hand-written mails, one per client habit the channel must understand.</summary>
internal static class MimeFixtures
{
    public const string OutlookGerman = """
        From: "Erika Mustermann" <erika@kunde.example>
        To: support@example.test
        Subject: AW: Drucker druckt nicht [FL-00042]
        Message-ID: <outlook-1@kunde.example>
        In-Reply-To: <reply-1@example.test>
        References: <root-1@kunde.example> <reply-1@example.test>
        Date: Mon, 30 Nov 2026 09:15:00 +0100
        Content-Language: de-DE
        MIME-Version: 1.0
        Content-Type: text/plain; charset=windows-1252
        Content-Transfer-Encoding: quoted-printable

        Hallo,

        der Drucker im 2. Stock druckt immer noch nicht. Gr=FC=DFe

        Erika

        -----Urspr=FCngliche Nachricht-----
        Von: FirstLine Support <support@example.test>
        Gesendet: Montag, 30. November 2026 08:00
        Betreff: Drucker druckt nicht

        Bitte starten Sie den Drucker neu.
        """;

    public const string GmailEnglishHtmlOnly = """
        From: John Doe <john@kunde.example>
        To: support@example.test
        Subject: VPN drops
        Message-ID: <gmail-1@kunde.example>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
        <p>My VPN drops every <b>ten</b> minutes.</p><p>Any idea?</p>
        <div class="gmail_quote">On Mon, Nov 30, 2026 at 8:00 AM Support &lt;support@example.test&gt; wrote:<blockquote>Old answer</blockquote></div>
        </body></html>
        """;

    public const string MultipartWithAttachment = """
        From: kunde@example.test
        To: support@example.test
        Subject: Screenshot
        Message-ID: <att-1@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: multipart/alternative; boundary="b2"

        --b2
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Siehe Anhang, bitte pr=FCfen.
        --b2
        Content-Type: text/html; charset=utf-8

        <p>Siehe Anhang, bitte prüfen (HTML).</p>
        --b2--
        --b1
        Content-Type: application/octet-stream; name="log.txt"
        Content-Disposition: attachment; filename="log.txt"
        Content-Transfer-Encoding: base64

        RmVobGVyIDQwNAo=
        --b1
        Content-Type: application/octet-stream; name="big.bin"
        Content-Disposition: attachment; filename="big.bin"
        Content-Transfer-Encoding: base64

        QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB
        --b1--
        """;

    public const string NoSender = """
        To: support@example.test
        Subject: who am I
        Message-ID: <nosender@example.test>

        Hello
        """;

    public const string AutoReply = """
        From: kunde@example.test
        To: support@example.test
        Subject: Abwesenheitsnotiz: Re: Drucker [FL-00042]
        Message-ID: <ooo-1@example.test>
        Auto-Submitted: auto-replied
        Content-Type: text/plain; charset=utf-8

        Ich bin bis Montag nicht im Büro.
        """;

    public static byte[] Bytes(string mail) => Encoding.UTF8.GetBytes(mail.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    public static MemoryStream Stream(string mail) => new(Bytes(mail));
}
