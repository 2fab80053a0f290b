using System.Buffers.Binary;

namespace ImageVault.Imaging.Formats;

/// <summary>
/// Reads an image's format and stated dimensions from its header without decoding pixels, so a
/// pixel bomb can be refused before any decoder sees it. Every read is bounded; loops are iterative.
/// </summary>
public static class HeaderProbe
{
    private const long MaxScanBytes = 16 * 1024 * 1024;

    /// <summary>Probes <paramref name="stream"/> from its current position. Never throws on bad data.</summary>
    public static ImageHeader Probe(Stream stream)
    {
        var prefix = new byte[FormatSniffer.PrefixLength];
        var n = ReadUpTo(stream, prefix);
        var format = FormatSniffer.Sniff(prefix.AsSpan(0, n));
        try
        {
            var (w, h) = format switch
            {
                ImageFormat.Png when n >= 24 => (BE32(prefix, 16), BE32(prefix, 20)),
                ImageFormat.Gif when n >= 10 => ((int?)LE16(prefix, 6), (int?)LE16(prefix, 8)),
                ImageFormat.Bmp => Bmp(prefix),
                ImageFormat.WebP when n >= 30 => WebP(prefix),
                ImageFormat.Jpeg => Jpeg(stream, prefix, n),
                ImageFormat.Tiff when stream.CanSeek => Tiff(stream, prefix[0] == 'I'),
                ImageFormat.Heic or ImageFormat.Avif when stream.CanSeek => Heif(stream),
                _ => ((int?)null, (int?)null),
            };
            return new ImageHeader(format, w, h);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or OverflowException)
        {
            return new ImageHeader(format, null, null);
        }
    }

    private static (int?, int?) Bmp(byte[] p)
    {
        var headerSize = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(14));
        if (headerSize == 12) return (LE16(p, 18), LE16(p, 20));
        var w = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(18));
        var h = BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(22));
        // INT32_MIN has no positive counterpart: the header is corrupt, not huge.
        if (w <= 0 || h == int.MinValue) return (null, null);
        return (w, Math.Abs(h));
    }

    private static (int?, int?) WebP(byte[] p)
    {
        var chunk = p.AsSpan(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
            return (1 + (p[24] | p[25] << 8 | p[26] << 16), 1 + (p[27] | p[28] << 8 | p[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8) && p[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(21));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8 "u8) && p[23] == 0x9D && p[24] == 0x01 && p[25] == 0x2A)
            return (LE16(p, 26) & 0x3FFF, LE16(p, 28) & 0x3FFF);
        return (null, null);
    }

    private static (int?, int?) Jpeg(Stream s, byte[] prefix, int n)
    {
        var reader = new PrefixedReader(s, prefix, n);
        reader.Skip(2); // SOI
        while (reader.Position < MaxScanBytes)
        {
            if (reader.ReadByte() != 0xFF) return (null, null);
            var marker = reader.ReadByte();
            while (marker == 0xFF) marker = reader.ReadByte(); // fill bytes
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) continue; // no length
            if (marker is 0xD9 or 0xDA) return (null, null); // image data before any frame header
            var length = reader.ReadByte() << 8 | reader.ReadByte();
            if (length < 2) return (null, null);
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame && length >= 7)
            {
                reader.Skip(1); // precision
                var h = reader.ReadByte() << 8 | reader.ReadByte();
                var w = reader.ReadByte() << 8 | reader.ReadByte();
                return (w, h == 0 ? null : h);
            }
            reader.Skip(length - 2);
        }
        return (null, null);
    }

    private static (int?, int?) Tiff(Stream s, bool littleEndian)
    {
        var buf = new byte[12];
        s.Position = 4;
        ReadExactly(s, buf, 4);
        var ifd = U32(buf, 0, littleEndian);
        if (ifd < 8 || ifd >= s.Length) return (null, null);
        s.Position = ifd;
        ReadExactly(s, buf, 2);
        var count = Math.Min((int)U16(buf, 0, littleEndian), 4096);
        int? w = null, h = null;
        for (var i = 0; i < count; i++)
        {
            ReadExactly(s, buf, 12);
            var tag = U16(buf, 0, littleEndian);
            if (tag is not (256 or 257)) continue;
            var type = U16(buf, 2, littleEndian);
            var value = type == 3 ? U16(buf, 8, littleEndian) : (long)U32(buf, 8, littleEndian);
            var v = (int?)Math.Min(value, int.MaxValue);
            if (tag == 256) w = v; else h = v;
        }
        return (w, h);
    }

    // Walks top-level boxes to meta/iprp/ipco and takes the largest 'ispe' (image spatial extents):
    // the conservative figure for a pixel budget, whatever item is primary.
    private static (int?, int?) Heif(Stream s)
    {
        int? bestW = null, bestH = null;
        var buf = new byte[16];
        var stack = new Stack<(long Start, long End)>();
        stack.Push((0, Math.Min(s.Length, MaxScanBytes)));
        var visited = 0;
        while (stack.Count > 0 && visited++ < 10_000)
        {
            var (pos, end) = stack.Pop();
            if (pos + 8 > end) continue;
            s.Position = pos;
            ReadExactly(s, buf, 8);
            long size = BE32(buf, 0)!.Value;
            var type = System.Text.Encoding.ASCII.GetString(buf, 4, 4);
            var header = 8L;
            if (size == 1) { ReadExactly(s, buf, 8); size = BinaryPrimitives.ReadInt64BigEndian(buf); header = 16; }
            else if (size == 0) size = end - pos;
            if (size < header || pos + size > end) continue;
            stack.Push((pos + size, end)); // next sibling
            switch (type)
            {
                case "meta": stack.Push((pos + header + 4, pos + size)); break; // full box
                case "iprp" or "ipco": stack.Push((pos + header, pos + size)); break;
                case "ispe" when size >= header + 12:
                    ReadExactly(s, buf, 12);
                    var w = BE32(buf, 4); var h = BE32(buf, 8);
                    if ((long?)w * h > (long?)bestW * bestH || bestW is null) { bestW = w; bestH = h; }
                    break;
            }
        }
        return (bestW, bestH);
    }

    private static int ReadUpTo(Stream s, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = s.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    private static void ReadExactly(Stream s, byte[] buffer, int count) => s.ReadExactly(buffer, 0, count);
    private static int LE16(byte[] p, int o) => p[o] | p[o + 1] << 8;
    private static int? BE32(byte[] p, int o) => (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(o)), int.MaxValue);
    private static uint U16(byte[] p, int o, bool le) => le ? BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(o)) : BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(o));
    private static uint U32(byte[] p, int o, bool le) => le ? BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(o)) : BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(o));

    /// <summary>Forward-only byte reader over the already-read prefix followed by the rest of the stream.</summary>
    private sealed class PrefixedReader(Stream stream, byte[] prefix, int prefixLength)
    {
        private readonly byte[] _one = new byte[1];
        public long Position { get; private set; }

        public int ReadByte()
        {
            if (Position < prefixLength) return prefix[Position++];
            if (stream.Read(_one, 0, 1) == 0) throw new EndOfStreamException();
            Position++;
            return _one[0];
        }

        public void Skip(int count)
        {
            var fromPrefix = (int)Math.Clamp(prefixLength - Position, 0, count);
            Position += fromPrefix;
            var rest = count - fromPrefix;
            if (rest == 0) return;
            if (stream.CanSeek) { stream.Seek(rest, SeekOrigin.Current); Position += rest; return; }
            var scratch = new byte[Math.Min(rest, 64 * 1024)];
            while (rest > 0)
            {
                var read = stream.Read(scratch, 0, Math.Min(rest, scratch.Length));
                if (read == 0) throw new EndOfStreamException();
                rest -= read; Position += read;
            }
        }
    }
}
