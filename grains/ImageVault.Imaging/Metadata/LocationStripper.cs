using System.Buffers.Binary;
using System.Text;

namespace ImageVault.Imaging.Metadata;

/// <summary>
/// Removes where a photo was taken from an original's bytes, for share links that do not include the
/// location. JPEG: the EXIF GPS directory is blanked in place (entries and the values they point to, so
/// nothing is left to recover) while orientation and the rest of EXIF stay; XMP, IPTC (APP13) and
/// comments go whole, since they can carry coordinates and place names. PNG: eXIf and text chunks (XMP
/// lives in iTXt) go. Other formats are not rewritten: <see cref="CanStrip"/> says so and the caller refuses.
/// Every offset is bounds-checked; a malformed file yields null, never an exception.
/// </summary>
public static class LocationStripper
{
    private const ushort GpsIfdTag = 0x8825;
    private static readonly byte[] ExifId = "Exif\0\0"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool CanStrip(string format) => format is "jpeg" or "png";

    /// <summary>The bytes without location, or null when the file is not a well-formed JPEG or PNG.</summary>
    public static byte[]? Strip(byte[] file, string format)
    {
        try { return format switch { "jpeg" => StripJpeg(file), "png" => StripPng(file), _ => null }; }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException) { return null; }
    }

    private static byte[]? StripJpeg(byte[] f)
    {
        if (f.Length < 4 || f[0] != 0xFF || f[1] != 0xD8) return null;
        using var output = new MemoryStream(f.Length);
        output.Write(f, 0, 2);
        var pos = 2;
        while (pos + 4 <= f.Length)
        {
            if (f[pos] != 0xFF) return null;
            var marker = f[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { output.Write(f, pos, 2); pos += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(pos + 2));
            if (length < 2 || pos + 2 + length > f.Length) return null;
            var payload = f.AsSpan(pos + 4, length - 2);
            if (marker == 0xDA) { output.Write(f, pos, f.Length - pos); return output.ToArray(); } // scan data to the end, untouched
            var drop = marker is 0xED or 0xFE || (marker == 0xE1 && !payload.StartsWith(ExifId));
            if (!drop)
            {
                var segment = f.AsSpan(pos, 2 + length).ToArray();
                if (marker == 0xE1 && !BlankGps(segment.AsSpan(4 + ExifId.Length))) return null;
                output.Write(segment);
            }
            pos += 2 + length;
        }
        return null; // no scan: not an image
    }

    /// <summary>Zeroes the GPS IFD of a TIFF structure (EXIF payload after its header) and unlinks it from IFD0.</summary>
    private static bool BlankGps(Span<byte> tiff)
    {
        if (tiff.Length < 8) return false;
        var little = tiff[0] == (byte)'I' && tiff[1] == (byte)'I';
        if (!little && !(tiff[0] == (byte)'M' && tiff[1] == (byte)'M')) return false;
        ushort U16(Span<byte> t, int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt16BigEndian(t[at..]);
        uint U32(Span<byte> t, int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt32BigEndian(t[at..]);
        var ifd0 = (int)U32(tiff, 4);
        if (ifd0 < 8 || ifd0 + 2 > tiff.Length) return false;
        int count = U16(tiff, ifd0);
        if (ifd0 + 2 + count * 12 > tiff.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var entry = ifd0 + 2 + i * 12;
            if (U16(tiff, entry) != GpsIfdTag) continue;
            var gps = (int)U32(tiff, entry + 8);
            if (gps >= 8 && gps + 2 <= tiff.Length)
            {
                int gpsCount = U16(tiff, gps);
                var end = Math.Min(tiff.Length, gps + 2 + gpsCount * 12);
                for (var e = gps + 2; e + 12 <= end; e += 12)
                {
                    var size = ValueSize(U16(tiff, e + 2)) * (long)U32(tiff, e + 4);
                    var at = U32(tiff, e + 8);
                    if (size > 4 && at + size <= tiff.Length) tiff.Slice((int)at, (int)size).Clear();
                }
                tiff[gps..end].Clear();
            }
            tiff.Slice(entry + 8, 4).Clear(); // IFD0 keeps a harmless entry pointing nowhere useful
            BinaryPrimitives.WriteUInt16BigEndian(tiff.Slice(entry, 2), 0xFFFF); // and no longer calls it GPS
        }
        return true;
    }

    private static int ValueSize(ushort type) => type switch { 3 or 8 => 2, 4 or 9 or 11 => 4, 5 or 10 or 12 => 8, _ => 1 };

    private static byte[]? StripPng(byte[] f)
    {
        if (f.Length < 8 || !f.AsSpan(0, 8).SequenceEqual(PngSignature)) return null;
        using var output = new MemoryStream(f.Length);
        output.Write(f, 0, 8);
        var pos = 8;
        while (pos + 12 <= f.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(f.AsSpan(pos));
            if (length > int.MaxValue || pos + 12 + (long)length > f.Length) return null;
            var type = Encoding.ASCII.GetString(f, pos + 4, 4);
            if (type is not ("eXIf" or "tEXt" or "zTXt" or "iTXt")) output.Write(f, pos, 12 + (int)length);
            pos += 12 + (int)length;
            if (type == "IEND") return output.ToArray();
        }
        return null;
    }
}
