using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>
/// The at-rest format of an encrypted blob, streamable both ways: a 16-byte header ("IVE1" and a random
/// 12-byte prefix), then 64 KiB plaintext segments, each sealed with AES-256-GCM (16-byte tag). A
/// segment's nonce is the prefix with the segment number folded into its last 8 bytes; its associated
/// data names the tenant, the segment number and whether it is the last, so segments cannot be moved,
/// dropped, reordered, or the blob cut short or moved to another tenant without the check failing.
/// </summary>
public static class SegmentedAesGcm
{
    public const int SegmentSize = 64 * 1024, TagSize = 16, HeaderSize = 16;
    private static readonly byte[] Magic = "IVE1"u8.ToArray();

    /// <summary>The plaintext length of an encrypted blob of <paramref name="stored"/> bytes.</summary>
    public static long PlainLength(long stored)
    {
        var body = stored - HeaderSize;
        if (body < TagSize) return 0;
        var segments = (body + SegmentSize + TagSize - 1) / (SegmentSize + TagSize);
        return body - segments * TagSize;
    }

    public static Stream Encrypt(Stream plain, byte[] key, string tenant) => new Sealer(plain, key, tenant);

    public static Stream Decrypt(Stream sealedBlob, byte[] key, string tenant) => new Opener(sealedBlob, key, tenant);

    private static byte[] Nonce(byte[] prefix, long segment)
    {
        var nonce = (byte[])prefix.Clone();
        var tail = BinaryPrimitives.ReadUInt64BigEndian(nonce.AsSpan(4)) ^ (ulong)segment;
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), tail);
        return nonce;
    }

    private static byte[] Aad(string tenant, long segment, bool last) => Encoding.UTF8.GetBytes($"imagevault-blob|{tenant}|{segment}|{(last ? 1 : 0)}");

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> as far as the stream goes; synchronously only when the caller read synchronously.</summary>
    private static async ValueTask<int> ReadFullAsync(Stream s, byte[] buffer, int offset, int count, bool sync, CancellationToken ct)
    {
        var total = 0;
        while (total < count)
        {
            var n = sync ? s.Read(buffer, offset + total, count - total) : await s.ReadAsync(buffer.AsMemory(offset + total, count - total), ct);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Reads plaintext, yields ciphertext; looks one segment ahead to know which one is last.</summary>
    private sealed class Sealer(Stream plain, byte[] key, string tenant) : ReadOnlyStreamBase
    {
        private readonly AesGcm _aes = new(key, TagSize);
        private readonly byte[] _prefix = RandomNumberGenerator.GetBytes(12);
        private byte[] _current = new byte[SegmentSize], _next = new byte[SegmentSize];
        private int _currentLength = -1, _nextLength;
        private long _segment;
        private bool _headerDone, _finished;

        protected override async ValueTask<byte[]?> NextChunkAsync(bool sync, CancellationToken ct)
        {
            if (!_headerDone)
            {
                _headerDone = true;
                _currentLength = await ReadFullAsync(plain, _current, 0, SegmentSize, sync, ct);
                return [.. Magic, .. _prefix];
            }
            if (_finished) return null;
            _nextLength = _currentLength == SegmentSize ? await ReadFullAsync(plain, _next, 0, SegmentSize, sync, ct) : 0;
            var last = _nextLength == 0;
            var output = new byte[_currentLength + TagSize];
            _aes.Encrypt(Nonce(_prefix, _segment), _current.AsSpan(0, _currentLength), output.AsSpan(0, _currentLength), output.AsSpan(_currentLength), Aad(tenant, _segment, last));
            _segment++;
            (_current, _next, _currentLength) = (_next, _current, _nextLength);
            _finished = last;
            return output;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _aes.Dispose(); // the caller owns the plaintext stream
            base.Dispose(disposing);
        }
    }

    /// <summary>Reads ciphertext, yields plaintext; any tampering, truncation or wrong key throws <see cref="CryptographicException"/>.</summary>
    private sealed class Opener(Stream sealedBlob, byte[] key, string tenant) : ReadOnlyStreamBase
    {
        private readonly AesGcm _aes = new(key, TagSize);
        private readonly byte[] _buffer = new byte[SegmentSize + TagSize], _lookahead = new byte[1];
        private byte[]? _prefix;
        private bool _hasLookahead, _finished;
        private long _segment;

        protected override async ValueTask<byte[]?> NextChunkAsync(bool sync, CancellationToken ct)
        {
            if (_prefix is null)
            {
                var header = new byte[HeaderSize];
                if (await ReadFullAsync(sealedBlob, header, 0, HeaderSize, sync, ct) != HeaderSize || !header.AsSpan(0, 4).SequenceEqual(Magic))
                    throw new CryptographicException("not an encrypted ImageVault blob");
                _prefix = header[4..];
            }
            if (_finished) return null;
            var offset = 0;
            if (_hasLookahead) { _buffer[0] = _lookahead[0]; offset = 1; }
            var length = offset + await ReadFullAsync(sealedBlob, _buffer, offset, _buffer.Length - offset, sync, ct);
            if (length < TagSize) throw new CryptographicException("the encrypted blob is cut short");
            _hasLookahead = length == _buffer.Length && await ReadFullAsync(sealedBlob, _lookahead, 0, 1, sync, ct) == 1;
            var last = !_hasLookahead;
            var plain = new byte[length - TagSize];
            _aes.Decrypt(Nonce(_prefix, _segment), _buffer.AsSpan(0, plain.Length), _buffer.AsSpan(plain.Length, TagSize), plain, Aad(tenant, _segment, last));
            _segment++;
            _finished = last;
            return plain;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _aes.Dispose(); sealedBlob.Dispose(); }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A forward-only read stream fed chunk by chunk.</summary>
public abstract class ReadOnlyStreamBase : Stream
{
    private byte[] _chunk = [];
    private int _offset;

    /// <summary>The next chunk, or null at the end; reads its source synchronously when <paramref name="sync"/> (the caller used Read).</summary>
    protected abstract ValueTask<byte[]?> NextChunkAsync(bool sync, CancellationToken ct);

    public override int Read(byte[] buffer, int offset, int count) => ReadCoreAsync(buffer.AsMemory(offset, count), sync: true, default).GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ReadCoreAsync(buffer, sync: false, ct);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadCoreAsync(buffer.AsMemory(offset, count), sync: false, ct).AsTask();

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool sync, CancellationToken ct)
    {
        while (_offset == _chunk.Length)
        {
            if (await NextChunkAsync(sync, ct) is not { } next) return 0;
            (_chunk, _offset) = (next, 0);
        }
        var n = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
