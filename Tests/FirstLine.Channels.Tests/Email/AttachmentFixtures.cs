namespace FirstLine.Channels.Tests.Email;

/// <summary>Mails carrying files the way mail programs attach them: inline images, Outlook's winmail.dat, odd names.</summary>
internal static class AttachmentFixtures
{
    /// <summary>An HTML mail with its logo as an inline image (multipart/related, Content-ID) and a PDF beside it.</summary>
    public const string RelatedWithInlineImage = """
        From: kunde@example.test
        To: support@example.test
        Subject: Fehlermeldung
        Message-ID: <related-1@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/related; boundary="rel"; type="text/html"

        --rel
        Content-Type: text/html; charset=utf-8

        <p>Siehe Bild: <img src="cid:shot-1@kunde.example"></p>
        --rel
        Content-Type: image/png
        Content-ID: <shot-1@kunde.example>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --outer
        Content-Type: application/pdf
        Content-Disposition: attachment; filename*=utf-8''C%3A%5CUsers%5Cerika%5CBericht%0D%0ABcc%3A%20x.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        """;

    /// <summary>
    /// An Outlook mail whose files travel inside winmail.dat (application/ms-tnef). The TNEF is two-files.tnef from
    /// MimeKit's test data (UnitTests/TestData/tnef, MIT License, Copyright .NET Foundation and Contributors): it holds
    /// the files AUTHORS and README.
    /// </summary>
    public const string OutlookWinmailDat = """
        From: kunde@example.test
        To: support@example.test
        Subject: Logdateien
        Message-ID: <tnef-1@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Anbei die Dateien.
        --b1
        Content-Type: application/ms-tnef; name="winmail.dat"
        Content-Disposition: attachment; filename="winmail.dat"
        Content-Transfer-Encoding: base64

        eJ8+IjcCAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy
        b3NvZnQgTWFpbC5Ob3RlADEIAQmAAQAhAAAANDAwMTdGQ0ZEMDgxRDMxMUE3QTUwMDA4QzcxQkNB
        OEQAJAcBBgAHABgAAABJUE0uTWljcm9zb2Z0IE1haWwuTm90ZQAxCAEggAMADgAAAM8HCgANABYA
        MwAzAAMAbAEBBYADAA4AAADPBwoADQAWADEACQADAEABAQSAAQAKAAAAdHdvIGZpbGVzAI0DAQ2A
        BAACAAAAAgACAAEDkAYAuAUAADgAAAADAP0/5AQAAEAAOQCAgBGw7hW/AR4AMUABAAAAFgAAAHNp
        bXBzb25Ad29ybGQuc3RkLmNvbQAAAAMAGkAAAAEAHgAwQAEAAAAWAAAAc2ltcHNvbkB3b3JsZC5z
        dGQuY29tAAAAAwAZQAAAAQADAN4/r28AAB4AcAABAAAACgAAAHR3byBmaWxlcwAAAAIBcQABAAAA
        FgAAAAG/Fe8OHc9/AUGB0BHTp6UACMcbyo0AAB4A/lcBAAAAFQAAAE5BSVNDQU5ORURQT1NUT0ZG
        SUNFAAAAAAsA8hABAAAAAgHzPwEAAAAAAAAAAgH0PwEAAAAAAAAAAgE/AAEAAABRAAAAAAAAANyn
        QMjAQhAatLkIACsv4YIBAAAAAAAAAC9PPUNPTVBVV0FSRS9PVT1OVU1FR0EgTEFCL0NOPVJFQ0lQ
        SUVOVFMvQ049TVNJTVBTT04AAAAAHgB1AAEAAAAFAAAAU01UUAAAAAAeAHYAAQAAABgAAABtYXJr
        LnNpbXBzb25AbnVtZWdhLmNvbQAeAEAAAQAAAA4AAABTaW1wc29uLCBNYXJrAAAAHgA0QAEAAAAJ
        AAAATVNJTVBTT04AAAAAAgFRAAEAAAA4AAAARVg6L089Q09NUFVXQVJFL09VPU5VTUVHQSBMQUIv
        Q049UkVDSVBJRU5UUy9DTj1NU0lNUFNPTgADABtAAAAAAAIBQwABAAAAUQAAAAAAAADcp0DIwEIQ
        GrS5CAArL+GCAQAAAAAAAAAvTz1DT01QVVdBUkUvT1U9TlVNRUdBIExBQi9DTj1SRUNJUElFTlRT
        L0NOPU1TSU1QU09OAAAAAB4AdwABAAAABQAAAFNNVFAAAAAAHgB4AAEAAAAYAAAAbWFyay5zaW1w
        c29uQG51bWVnYS5jb20AHgBEAAEAAAAOAAAAU2ltcHNvbiwgTWFyawAAAB4ANUABAAAACQAAAE1T
        SU1QU09OAAAAAAIBUgABAAAAOAAAAEVYOi9PPUNPTVBVV0FSRS9PVT1OVU1FR0EgTEFCL0NOPVJF
        Q0lQSUVOVFMvQ049TVNJTVBTT04AAwAcQAAAAAALAFcAAQAAAAsAWAAAAAAACwBZAAEAAAACAUcA
        AQAAAAAAAAACAfk/AQAAAEAAAAAAAAAAgSsfpL6jEBmdbgDdAQ9UAgAAAQBNYXJrIFNpbXBzb24A
        U01UUABzaW1wc29uQHdvcmxkLnN0ZC5jb20AHgD4PwEAAAANAAAATWFyayBTaW1wc29uAAAAAB4A
        OEABAAAAFgAAAHNpbXBzb25Ad29ybGQuc3RkLmNvbQAAAAIB+z8BAAAAUQAAAAAAAADcp0DIwEIQ
        GrS5CAArL+GCAQAAAAAAAAAvTz1DT01QVVdBUkUvT1U9TlVNRUdBIExBQi9DTj1SRUNJUElFTlRT
        L0NOPU1TSU1QU09OAAAAAB4A+j8BAAAADgAAAFNpbXBzb24sIE1hcmsAAAAeADlAAQAAAAkAAABN
        U0lNUFNPTgAAAABAAAcwuPYdDu8VvwFAAAgwmMHyEO8VvwEeAD0AAQAAAAEAAAAAAAAAHgAdDgEA
        AAAKAAAAdHdvIGZpbGVzAAAAAgHUPwEAAAAAAAAAHgA1EAEAAAAyAAAAPDE0MzQxLjE3NTczLjU2
        MDc2MS4zNjg1MTJAbG9jYWxob3N0LmxvY2FsZG9tYWluPgAAAB4AORABAAAAAQAAAAAAAAAeADYQ
        AQAAAAEAAAAAAAAAAgFoQAEAAAAAAAAAAgFpQAEAAAAAAAAAAwA2AAAAAAALACkAAAAAAAsAIwAA
        AAAAAwAGEAAAAAADAAcQAAAAAAMAEBAAAAAAAwAREAAAAAAeAAgQAQAAAAEAAAAAAAAAAgF/AAEA
        AAAyAAAAPDE0MzQxLjE3NTczLjU2MDc2MS4zNjg1MTJAbG9jYWxob3N0LmxvY2FsZG9tYWluPgAA
        AFUdAgKQBgAOAAAAAQD/////IAAgAAAAAAA9BAISgAMADgAAAM8HCgANABYAMwAuAAMAZwECE4AD
        AA4AAADPBwoADQAWADMALgADAGcBAhCAAQAIAAAAQVVUSE9SUwAmAgIPgAYA9AAAAAogICAgICAg
        ICAgICAgICAgICAgICAgICAgICAgICBBdXRob3JzIG9mIHRuZWYKICAgICAgICAgICAgICAgICAg
        ICAgICAgICAgICAgPT09PT09PT09PT09PT09CiAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
        ICAgICAgICAKKiBNYXJrIFNpbXBzb24gICAgICAgICAgICBkYW1uZWRAd29ybGQuc3RkLmNvbQoK
        TWFueSB0aGFuayBnbyB0byB0aGUgb3JpZ2luYWwgYXV0aG9yOiBUaG9tYXMgQm9sbCAodGJAYm9s
        bC5jaCkuCgrTOQIFkAYAyAAAAAwAAAADACEOAAAAAAMACzf/////AwAgDjQBAAADAPcPAAAAAEAA
        BzAwchsO7xW/AUAACDAwchsO7xW/AQMABTcBAAAAHgAHNwEAAAAIAAAAQVVUSE9SUwAeAAEwAQAA
        ABYAAABBVVRIT1JTIGZpbGUgZm9yIHRuZWYAAAAeAA43AQAAABkAAABhcHBsaWNhdGlvbi9vY3Rl
        dC1zdHJlYW0AAAAAAwAQNwAAAAACAfkPAQAAABAAAAA+AX/P0IHTEaelAAjHG8qNEykCApAGAA4A
        AAABAP////8gACAAAAAAAD0EAhKAAwAOAAAAzwcKAA0AFgAzAC4AAwBnAQITgAMADgAAAM8HCgAN
        ABYAMwAuAAMAZwECEIABAAcAAABSRUFETUUArgECD4AGAH0DAAAKICAgICAgICAgICAgICAgICAg
        ICAgICAgICAgICAgICAgICBUTkVGCiAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
        PT09PQoKVE5FRiBpcyBhIHByb2dyYW0gZm9yIHVucGFja2luZyBNSU1FIGF0dGFjaG1lbnRzIG9m
        IHR5cGUKImFwcGxpY2F0aW9uL21zLXRuZWYiLiBUaGlzIGlzIGEgTWljcm9zb2Z0IG9ubHkgYXR0
        YWNobWVudC4KCkR1ZSB0byB0aGUgcHJvbGlmZXJhdGlvbiBvZiBNaWNyb3NvZnQgT3V0bG9vayBh
        bmQgRXhjaGFuZ2UgbWFpbCBzZXJ2ZXJzLAptb3JlIGFuZCBtb3JlIG1haWwgaXMgZW5jYXBzdWxh
        dGVkIGludG8gdGhpcyBmb3JtYXQuCgpUaGUgVE5FRiBwcm9ncmFtIGFsbG93cyBvbmUgdG8gdW5h
        cGNrIHRoZSBhdHRhY2htZW50cyB3aGljaCB3ZXJlCmVuY2Fwc3VsYXRlZCBpbnRvIHRlaCBUTkVG
        IGF0dGFjaG1lbnQuICBUaHVzIGFsbGV2aWF0aW5nIHRoZSBuZWVkIHRvIHVzZQpNaWNyb3NvZnQg
        T3V0bG9vayB0byB2aWV3IHRoZSBhdHRhY2htZW50LgoKVE5FRiBpcyBtYWlubHkgdGVzdHNlZCBh
        bmQgdXNlZCBvbiBHTlUvTGludXggYW5kIENZR1dJTiBzeXN0ZW1zLiAgSXQKJ3Nob3VsZCcgd29y
        ayBvbiBvdGhlciBVTklYIGFuZCBVTklYLWxpa2Ugc3lzdGVtcy4KClNlZSB0aGUgZmlsZSBDT1BZ
        SU5HIGZvciBjb3B5cmlnaHQgYW5kIHdhcnJhbnR5IGluZm9ybWF0aW9uLgoKU2VlIHRoZSBmaWxl
        IElOU1RBTEwgZm9yIGluc3RydWN0aW9ucyBvbiBpbnN0YWxsaW5nIFRORUYuICBUaGUgc2hvcnQg
        Zm9ybQpmb3IgaW5zdGFsbGF0aW9uIGlzIHRoZSBzdGFuZGFyZDogCgogICAgdGFyIHh6dmYgdG5l
        Zi14LnkudGFyLmd6CiAgICBjZCB0bmVmLXgueQogICAgLi9jb25maWd1cmUgCiAgICBtYWtlCiAg
        ICBtYWtlIGluc3RhbGwKCgoKChMiAgWQBgDIAAAADAAAAAMAIQ4BAAAAAwALN/////8DACAOvQMA
        AAMA9w8AAAAAQAAHMDDjHQ7vFb8BQAAIMDDjHQ7vFb8BAwAFNwEAAAAeAAc3AQAAAAcAAABSRUFE
        TUUAAB4AATABAAAAFQAAAFJFQURNRSBmaWxlIGZvciB0bmVmAAAAAB4ADjcBAAAAGQAAAGFwcGxp
        Y2F0aW9uL29jdGV0LXN0cmVhbQAAAAADABA3AQAAAAIB+Q8BAAAAEAAAAD8Bf8/QgdMRp6UACMcb
        yo2VKQ==
        --b1--
        """;
}
