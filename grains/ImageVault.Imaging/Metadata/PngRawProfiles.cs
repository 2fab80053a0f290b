using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.IO;
using Directory = MetadataExtractor.Directory;

namespace ImageVault.Imaging.Metadata;

/// <summary>
/// ImageMagick stores EXIF in PNG as a text chunk "Raw profile type exif": a newline, the profile
/// name, its length in decimal, then the bytes in hex. This decodes it into EXIF directories.
/// </summary>
internal static class PngRawProfiles
{
    private const int MaxProfileBytes = 1 << 20;

    public static IReadOnlyList<Directory> ExifDirectories(IEnumerable<Directory> dirs)
    {
        foreach (var png in dirs.OfType<PngDirectory>())
        {
            if (png.GetObject(PngDirectory.TagTextualData) is not IEnumerable<MetadataExtractor.KeyValuePair> texts) continue;
            foreach (var text in texts)
            {
                if (!text.Key.StartsWith("Raw profile type exif", StringComparison.OrdinalIgnoreCase) &&
                    !text.Key.StartsWith("Raw profile type APP1", StringComparison.OrdinalIgnoreCase)) continue;
                if (Decode(text.Value.ToString()) is not { } bytes) continue;
                var tiff = bytes.AsSpan().StartsWith("Exif\0\0"u8) ? bytes[6..] : bytes;
                try { return new ExifReader().Extract(new ByteArrayReader(tiff)); }
                catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException) { }
            }
        }
        return [];
    }

    private static byte[]? Decode(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 3 || !int.TryParse(lines[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var length)
            || length is <= 0 or > MaxProfileBytes) return null;
        var hex = string.Concat(lines.Skip(2)).Replace(" ", "");
        if (hex.Length < length * 2) return null;
        try { return Convert.FromHexString(hex.AsSpan(0, length * 2)); }
        catch (FormatException) { return null; }
    }
}
