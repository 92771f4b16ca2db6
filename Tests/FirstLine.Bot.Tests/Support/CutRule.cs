using System.Text;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// When <see cref="FaultProxy"/> cuts a connection, judged on what the server sends on it: after a number of bytes, or
/// just before a marker (text the server sends at the moment of interest, e.g. the body of the third mail of a fetch).
/// </summary>
public sealed class CutRule
{
    private readonly long? afterBytes;
    private readonly byte[]? marker;

    private CutRule(long? afterBytes, byte[]? marker)
    {
        this.afterBytes = afterBytes;
        this.marker = marker;
    }

    /// <summary>Cut once the server has sent <paramref name="bytes"/> bytes on a connection (they reach the client, nothing after).</summary>
    public static CutRule AfterBytes(long bytes) =>
        bytes >= 0 ? new CutRule(bytes, null) : throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "A byte count is never negative.");

    /// <summary>Cut just before the server sends <paramref name="text"/> (ASCII); what came before reaches the client.</summary>
    public static CutRule BeforeServerSends(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new CutRule(null, Encoding.ASCII.GetBytes(text));
    }

    public override string ToString() => afterBytes is { } bytes ? $"after {bytes} bytes" : $"before '{Encoding.ASCII.GetString(marker!)}'";

    /// <summary>Watches one connection's server-to-client bytes for this rule.</summary>
    internal Watch NewWatch() => new(this);

    internal sealed class Watch(CutRule rule)
    {
        private readonly List<byte> tail = [];
        private long seen;

        /// <summary>How many bytes of <paramref name="chunk"/> still go through before the cut, or null for no cut yet.</summary>
        public int? CutAt(ReadOnlySpan<byte> chunk)
        {
            if (rule.afterBytes is { } limit)
            {
                var left = limit - seen;
                seen += chunk.Length;
                return left < chunk.Length ? (int)Math.Max(0, left) : null;
            }

            // The marker may straddle two reads: search the end of the previous read together with this one.
            var marker = rule.marker!;
            var window = new byte[tail.Count + chunk.Length];
            tail.CopyTo(window);
            chunk.CopyTo(window.AsSpan(tail.Count));
            var at = window.AsSpan().IndexOf(marker);
            if (at >= 0)
            {
                return Math.Max(0, at - tail.Count);
            }

            tail.Clear();
            tail.AddRange(window.AsSpan(Math.Max(0, window.Length - (marker.Length - 1))).ToArray());
            return null;
        }
    }
}
