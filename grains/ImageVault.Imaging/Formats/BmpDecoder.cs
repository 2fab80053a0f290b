using System.Buffers.Binary;

namespace ImageVault.Imaging.Formats;

/// <summary>
/// Decodes uncompressed Windows bitmaps (1/4/8-bit palette, 16/24/32-bit, BI_RGB and BI_BITFIELDS,
/// bottom-up or top-down) to interleaved 8-bit RGB or RGBA, because the libvips build in use has no
/// BMP loader. RLE-compressed bitmaps are refused. Every offset is checked against the buffer.
/// </summary>
public static class BmpDecoder
{
    public sealed record Decoded(int Width, int Height, int Bands, byte[] Pixels);

    public static Decoded Decode(byte[] bmp, long maxPixels)
    {
        if (bmp.Length < 26 || bmp[0] != 'B' || bmp[1] != 'M') throw new InvalidDataException("not a BMP");
        var dataOffset = I32(bmp, 10);
        var headerSize = I32(bmp, 14);
        int width, height, bpp, compression = 0, paletteEntrySize = 4, colours = 0;
        if (headerSize == 12) { width = U16(bmp, 18); height = U16(bmp, 20); bpp = U16(bmp, 24); paletteEntrySize = 3; }
        else if (headerSize >= 40)
        {
            Need(bmp, 14 + 40);
            (width, height, bpp, compression, colours) = (I32(bmp, 18), I32(bmp, 22), U16(bmp, 28), I32(bmp, 30), I32(bmp, 46));
        }
        else throw new InvalidDataException($"unknown BMP header size {headerSize}");
        if (height == int.MinValue || width <= 0 || height == 0) throw new InvalidDataException("BMP with impossible dimensions");
        var topDown = height < 0;
        height = Math.Abs(height);
        if ((long)width * height > maxPixels) throw new InvalidDataException("BMP exceeds the pixel budget");
        if (compression is not (0 or 3 or 6)) throw new NotSupportedException("compressed (RLE/JPEG/PNG) BMP is not supported");

        var masks = Masks(bmp, headerSize, bpp, compression);
        var palette = bpp <= 8 ? Palette(bmp, 14 + headerSize, colours == 0 ? 1 << bpp : colours, paletteEntrySize) : [];
        var bands = masks.A != 0 ? 4 : 3;
        var stride = (int)(((long)width * bpp + 31) / 32 * 4);
        Need(bmp, dataOffset + (long)stride * height);
        var pixels = new byte[(long)width * height * bands];
        for (var y = 0; y < height; y++)
        {
            var row = dataOffset + (topDown ? y : height - 1 - y) * stride;
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * bands;
                uint r, g, b, a = 255;
                if (bpp <= 8)
                {
                    var bit = x * bpp;
                    var index = (bmp[row + bit / 8] >> (8 - bpp - bit % 8)) & ((1 << bpp) - 1);
                    (r, g, b) = index < palette.Length ? palette[index] : (0u, 0u, 0u);
                }
                else if (bpp == 24) (b, g, r) = (bmp[row + x * 3], bmp[row + x * 3 + 1], bmp[row + x * 3 + 2]);
                else
                {
                    var v = bpp == 16 ? (uint)U16(bmp, row + x * 2) : BinaryPrimitives.ReadUInt32LittleEndian(bmp.AsSpan(row + x * 4));
                    (r, g, b) = (Channel(v, masks.R), Channel(v, masks.G), Channel(v, masks.B));
                    if (masks.A != 0) a = Channel(v, masks.A);
                }
                pixels[o] = (byte)r; pixels[o + 1] = (byte)g; pixels[o + 2] = (byte)b;
                if (bands == 4) pixels[o + 3] = (byte)a;
            }
        }
        return new Decoded(width, height, bands, pixels);
    }

    private static (uint R, uint G, uint B, uint A) Masks(byte[] bmp, int headerSize, int bpp, int compression)
    {
        if (compression is 3 or 6)
        {
            Need(bmp, 14 + 40 + 16);
            var at = 14 + 40; // masks follow the 40-byte header (inside V4/V5 headers at the same place)
            return ((uint)I32(bmp, at), (uint)I32(bmp, at + 4), (uint)I32(bmp, at + 8), compression == 6 || headerSize >= 56 ? (uint)I32(bmp, at + 12) : 0);
        }
        return bpp switch
        {
            16 => (0x7C00, 0x03E0, 0x001F, 0),
            32 => (0x00FF0000, 0x0000FF00, 0x000000FF, 0),
            1 or 4 or 8 or 24 => (0, 0, 0, 0),
            _ => throw new NotSupportedException($"{bpp}-bit BMP is not supported"),
        };
    }

    private static (uint, uint, uint)[] Palette(byte[] bmp, int at, int count, int entrySize)
    {
        count = Math.Clamp(count, 0, 256);
        Need(bmp, at + (long)count * entrySize);
        return Enumerable.Range(0, count).Select(i => ((uint)bmp[at + i * entrySize + 2], (uint)bmp[at + i * entrySize + 1], (uint)bmp[at + i * entrySize])).ToArray();
    }

    /// <summary>Extracts a masked channel and scales it to 0–255.</summary>
    private static uint Channel(uint value, uint mask)
    {
        if (mask == 0) return 0;
        var shift = System.Numerics.BitOperations.TrailingZeroCount(mask);
        var max = mask >> shift;
        return (uint)((value & mask) >> shift) * 255 / max;
    }

    private static void Need(byte[] b, long end)
    {
        if (end > b.Length || end < 0) throw new InvalidDataException("BMP is truncated");
    }

    private static int I32(byte[] b, int o) { Need(b, o + 4L); return BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(o)); }
    private static int U16(byte[] b, int o) { Need(b, o + 2L); return BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(o)); }
}
