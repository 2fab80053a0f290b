namespace ImageVault.Imaging.Formats;

/// <summary>Identifies an image format from its first bytes (magic numbers and ISO-BMFF brands).</summary>
public static class FormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see to decide.</summary>
    public const int PrefixLength = 64;

    // Written as bytes: in a u8 string literal "\x89" would be U+0089, two bytes of UTF-8.
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ImageFormat.Jpeg;
        if (b.StartsWith(PngSignature)) return ImageFormat.Png;
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return ImageFormat.Tiff;
        if (b.Length >= 26 && b.StartsWith("BM"u8)) return ImageFormat.Bmp;
        if (b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8)) return SniffBrands(b);
        return ImageFormat.Unknown;
    }

    // ISO-BMFF: the major brand at 8..12, compatible brands from 16 up to the box size.
    private static ImageFormat SniffBrands(ReadOnlySpan<byte> b)
    {
        var boxSize = (int)Math.Min((uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]), (uint)b.Length);
        var heif = false;
        for (var offset = 8; offset + 4 <= Math.Max(boxSize, 12); offset += offset == 8 ? 8 : 4)
        {
            var brand = b.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8)) return ImageFormat.Avif;
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8) ||
                brand.SequenceEqual("heis"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8) ||
                brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
                heif = true;
        }
        return heif ? ImageFormat.Heic : ImageFormat.Unknown;
    }
}
