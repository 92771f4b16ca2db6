using System.Globalization;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// The command line of the <c>mail-ingest</c> mode:
/// <c>--mails 1000 --warmup 20 --repetitions 3 --imap 127.0.0.1:1143 --tickets DIR --bot support|echo --timeout 1800 --out FILE.md</c>.
/// The IMAP server defaults to the test Dovecot of <c>Tests/scripts/test-servers.sh</c> (<c>FIRSTLINE_TEST_IMAP</c>), where
/// every <c>@example.test</c> address is a mailbox with the password "secret".
/// </summary>
internal sealed record MailIngestOptions(
    int Mails,
    int Warmup,
    int Repetitions,
    string ImapHost,
    int ImapPort,
    string TicketsDirectory,
    bool SupportBot,
    TimeSpan TotalTimeout,
    string? OutputFile)
{
    public const string Usage =
        "usage: FirstLine.Benchmarks mail-ingest [--mails N=1000] [--warmup W=20] [--repetitions R=3] [--imap HOST:PORT=$FIRSTLINE_TEST_IMAP or 127.0.0.1:1143] "
        + "[--tickets DIR=shared/eval/tickets found above the current folder] [--bot support|echo=support] [--timeout SECONDS=1800] [--out FILE.md]";

    /// <summary>The password of every mailbox on the test Dovecot.</summary>
    public const string Password = "secret";

    /// <summary>Accepts <c>--key value</c> and <c>--key=value</c>; throws <see cref="ArgumentException"/> on anything else.</summary>
    public static MailIngestOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (host, port) = Endpoint("FIRSTLINE_TEST_IMAP", Environment.GetEnvironmentVariable("FIRSTLINE_TEST_IMAP") is { Length: > 0 } imap ? imap : "127.0.0.1:1143");
        var options = new MailIngestOptions(1000, 20, 3, host, port, string.Empty, SupportBot: true, TimeSpan.FromSeconds(1800), null);
        foreach (var (key, value) in BenchmarkCommandLine.Pairs(args))
        {
            options = key switch
            {
                "--mails" => options with { Mails = BenchmarkCommandLine.Positive(key, value) },
                "--warmup" => options with { Warmup = BenchmarkCommandLine.Positive(key, value) },
                "--repetitions" => options with { Repetitions = BenchmarkCommandLine.Positive(key, value) },
                "--imap" => Endpoint(key, value) is var (h, p) ? options with { ImapHost = h, ImapPort = p } : options,
                "--tickets" => options with { TicketsDirectory = value },
                "--bot" => options with { SupportBot = value switch { "support" => true, "echo" => false, _ => throw new ArgumentException($"--bot is 'support' (the shipped support dialogs) or 'echo' (a bot that costs nothing), not '{value}'") } },
                "--timeout" => options with { TotalTimeout = TimeSpan.FromSeconds(BenchmarkCommandLine.Positive(key, value)) },
                "--out" => options with { OutputFile = value },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        return options.TicketsDirectory.Length > 0 ? options : options with { TicketsDirectory = FindTickets() };
    }

    /// <summary>The ticket corpus (<c>shared/eval/tickets</c>) in the current folder or one above it.</summary>
    private static string FindTickets()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "eval", "tickets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException("no shared/eval/tickets folder above the current folder; pass --tickets DIR (the folder with tickets-de.csv and tickets-multilang.csv)");
    }

    private static (string Host, int Port) Endpoint(string key, string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (value[..colon], port)
            : throw new ArgumentException($"{key} needs HOST:PORT, not '{value}'");
    }
}
