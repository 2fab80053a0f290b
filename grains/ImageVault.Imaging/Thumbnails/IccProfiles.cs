using System.Buffers.Binary;
using System.Text;

namespace ImageVault.Imaging.Thumbnails;

/// <summary>
/// Decides whether an embedded ICC profile needs a colour transform to become sRGB. A transform
/// through LittleCMS costs about 100 ms per photo here, so it runs only for profiles that are not
/// some flavour of sRGB (Adobe RGB, Display P3, CMYK, …). Untagged images are taken as sRGB.
/// </summary>
public static class IccProfiles
{
    public static bool NeedsTransformToSrgb(byte[]? profile)
    {
        if (profile is null || profile.Length < 132) return false;
        var colourSpace = Encoding.ASCII.GetString(profile, 16, 4);
        if (colourSpace != "RGB ") return true; // CMYK, grey, Lab…: let the colour engine convert
        return !(Description(profile) ?? "").Contains("sRGB", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The profile description ('desc' tag, ICC v2 text or v4 multi-localised UTF-16).</summary>
    public static string? Description(byte[] p)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(128));
        for (var i = 0; i < Math.Min(count, 100); i++)
        {
            var entry = 132 + i * 12;
            if (entry + 12 > p.Length) return null;
            if (!p.AsSpan(entry, 4).SequenceEqual("desc"u8)) continue;
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(entry + 4));
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(entry + 8));
            if (offset < 0 || size < 12 || offset + size > p.Length) return null;
            var tag = p.AsSpan(offset, size);
            if (tag.StartsWith("desc"u8))
            {
                var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(tag[8..]), (uint)(size - 12));
                return Encoding.ASCII.GetString(tag.Slice(12, length)).TrimEnd('\0');
            }
            if (tag.StartsWith("mluc"u8) && size >= 28)
            {
                var len = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[20..]);
                var off = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[24..]);
                return off + len <= size ? Encoding.BigEndianUnicode.GetString(tag.Slice(off, len)) : null;
            }
            return null;
        }
        return null;
    }
}
