using System.Security.Cryptography;

namespace FirstLine.Channels.Email;

/// <summary>
/// Where one attachment is decoded to: keeps the bytes and their SHA-256 while they stay within
/// <c>limit</c>; beyond it drops what it kept and only counts, so an oversized file costs no memory.
/// </summary>
internal sealed class AttachmentSink(long limit) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private MemoryStream? kept = new();
    private long length;

    public bool OverLimit => kept is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    /// <summary>The decoded bytes (only when within the limit).</summary>
    public byte[] ToArray() => kept?.ToArray() ?? throw new InvalidOperationException("The attachment was over the limit; its bytes were not kept.");

    /// <summary>The SHA-256 of the bytes, lower-case hex (only when within the limit).</summary>
    public string Sha256() => OverLimit
        ? throw new InvalidOperationException("The attachment was over the limit; it was not hashed.")
        : Convert.ToHexStringLower(hash.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        length += buffer.Length;
        if (kept is null)
        {
            return;
        }

        if (length > limit)
        {
            kept.Dispose();
            kept = null;
            return;
        }

        kept.Write(buffer);
        hash.AppendData(buffer);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            kept?.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
