using System.Globalization;
using MetadataExtractor;
using Directory = MetadataExtractor.Directory;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Exif.Makernotes;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;

namespace ImageVault.Imaging.Metadata;

/// <summary>
/// Reads EXIF, XMP and IPTC into <see cref="ImageMetadata"/> with MetadataExtractor. EXIF wins over
/// XMP, which wins over IPTC, for fields they share. Runs inside the sandboxed worker process:
/// a parser fault costs only that file's job.
/// </summary>
public static class MetadataReader
{
    public const int MaxKeywords = 200;
    private const int MaxWarnings = 10;

    public static ImageMetadata Read(Stream stream)
    {
        IReadOnlyList<Directory> dirs;
        try { dirs = ImageMetadataReader.ReadMetadata(stream); }
        catch (Exception e) when (e is ImageProcessingException or IOException or ArgumentException or
                                  IndexOutOfRangeException or InvalidOperationException or OverflowException or NotSupportedException
                                  // A length field of 2 GB makes the parser ask for one huge array; that single
                                  // allocation fails cleanly under the worker's heap limit and costs only the metadata.
                                  or OutOfMemoryException)
        {
            return new ImageMetadata { Warnings = [TextSanitizer.Clean(e.Message, 200) ?? e.GetType().Name] };
        }

        dirs = [.. dirs, .. PngRawProfiles.ExifDirectories(dirs)];
        var ifd0 = dirs.OfType<ExifIfd0Directory>().FirstOrDefault();
        // TIFF-based raw files hold several sub-IFDs (raw image, previews): read each tag from the one that has it.
        var subs = dirs.OfType<ExifSubIfdDirectory>().ToArray();
        Directory? Sub(int tag) => subs.FirstOrDefault(d => d.ContainsTag(tag)) ?? subs.FirstOrDefault();
        var sub = Sub(ExifDirectoryBase.TagDateTimeOriginal);
        var gps = dirs.OfType<GpsDirectory>().FirstOrDefault();
        var iptc = dirs.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = new XmpFields(dirs.OfType<XmpDirectory>().FirstOrDefault()?.XmpMeta);

        var (captured, offset) = CaptureTime(sub, ifd0, xmp);
        var (lat, lon, alt) = Gps(gps);
        return new ImageMetadata
        {
            CapturedAt = captured,
            CapturedOffset = offset,
            Latitude = lat,
            Longitude = lon,
            Altitude = alt,
            Make = TagValues.String(ifd0, ExifDirectoryBase.TagMake, 100),
            Model = TagValues.String(ifd0, ExifDirectoryBase.TagModel, 100),
            Lens = TagValues.String(Sub(0xA434), 0xA434, 150) ?? xmp.Text(XmpFields.ExifEx, "LensModel") ?? xmp.Text(XmpFields.Aux, "Lens"),
            ExposureTime = NonNegative(TagValues.Double(Sub(ExifDirectoryBase.TagExposureTime), ExifDirectoryBase.TagExposureTime)),
            FNumber = NonNegative(TagValues.Double(Sub(ExifDirectoryBase.TagFNumber), ExifDirectoryBase.TagFNumber)),
            Iso = TagValues.FirstNonZeroInt(Sub(ExifDirectoryBase.TagIsoEquivalent), ExifDirectoryBase.TagIsoEquivalent)
                  ?? TagValues.FirstNonZeroInt(dirs.OfType<NikonType2MakernoteDirectory>().FirstOrDefault(), 0x0002),
            FocalLength = NonNegative(TagValues.Double(Sub(ExifDirectoryBase.TagFocalLength), ExifDirectoryBase.TagFocalLength)),
            Orientation = ValidOrientation(TagValues.Int(ifd0, ExifDirectoryBase.TagOrientation))
                          ?? ValidOrientation(int.TryParse(xmp.Text(XmpFields.Tiff, "Orientation"), out var xo) ? xo : null),
            Title = xmp.AltText(XmpFields.Dc, "title") ?? TagValues.String(iptc, 0x0205, 500),
            Description = xmp.AltText(XmpFields.Dc, "description", 4000) ?? TagValues.String(iptc, 0x0278, 4000)
                          ?? TagValues.String(ifd0, ExifDirectoryBase.TagImageDescription, 4000),
            Creator = xmp.FirstItem(XmpFields.Dc, "creator") ?? TagValues.String(iptc, 0x0250) ?? TagValues.String(ifd0, ExifDirectoryBase.TagArtist),
            Copyright = xmp.AltText(XmpFields.Dc, "rights") ?? TagValues.String(iptc, 0x0274) ?? TagValues.String(ifd0, ExifDirectoryBase.TagCopyright),
            Keywords = Keywords(xmp.Items(XmpFields.Dc, "subject").Concat(TagValues.Strings(iptc, 0x0219))),
            City = xmp.Text(XmpFields.Photoshop, "City") ?? TagValues.String(iptc, 0x025A),
            State = xmp.Text(XmpFields.Photoshop, "State") ?? TagValues.String(iptc, 0x025F),
            Country = xmp.Text(XmpFields.Photoshop, "Country") ?? TagValues.String(iptc, 0x0265),
            Sublocation = xmp.Text(XmpFields.Iptc4XmpCore, "Location") ?? TagValues.String(iptc, 0x025C),
            HasExif = ifd0 is not null || sub is not null,
            HasXmp = xmp.Present,
            HasIptc = iptc is not null,
            Warnings = dirs.SelectMany(d => d.Errors).Take(MaxWarnings).Select(w => TextSanitizer.Clean(w, 200)!).Where(w => w is not null).ToArray(),
        };
    }

    private static double? NonNegative(double? v) => v is >= 0 ? v : null;

    private static int? ValidOrientation(int? o) => o is >= 1 and <= 8 ? o : null;

    private static IReadOnlyList<string> Keywords(IEnumerable<string> raw) =>
        raw.Select(k => TextSanitizer.Clean(k, 100)).OfType<string>()
           .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxKeywords).ToArray();

    private static (string?, string?) CaptureTime(Directory? sub, Directory? ifd0, XmpFields xmp)
    {
        var raw = TagValues.String(sub, ExifDirectoryBase.TagDateTimeOriginal, 40);
        var subSec = TagValues.String(sub, 0x9291, 10);
        var offset = NormaliseOffset(TagValues.String(sub, 0x9011, 10));
        if (ParseExifDate(raw) is { } local) return (WithSubSeconds(local, subSec), offset);

        // XMP carries ISO 8601, possibly with a zone of its own.
        var x = xmp.Text(XmpFields.Exif, "DateTimeOriginal") ?? xmp.Text(XmpFields.Photoshop, "DateCreated");
        if (x is not null && DateTime.TryParse(x.Length >= 19 ? x[..19] : x, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            && x.Length >= 10)
        {
            var xmpOffset = x.Length > 19 ? NormaliseOffset(x[19..].TrimStart('.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')) : null;
            return (dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), xmpOffset);
        }
        return (null, null);
    }

    /// <summary>"2021:04:11 15:47:53" → "2021-04-11T15:47:53"; impossible dates (0000:00:00, 9999:99:99) → null.</summary>
    public static string? ParseExifDate(string? raw)
    {
        if (raw is null || raw.Length < 19) return null;
        var s = raw[..19];
        return DateTime.TryParseExact(s, ["yyyy:MM:dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy:MM:ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            ? dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : null;
    }

    private static string WithSubSeconds(string local, string? subSec) =>
        subSec is { Length: > 0 } && subSec.All(char.IsAsciiDigit) ? $"{local}.{subSec[..Math.Min(3, subSec.Length)]}" : local;

    private static string? NormaliseOffset(string? s)
    {
        if (s is null) return null;
        s = s.Trim();
        if (s == "Z") return "+00:00";
        return s.Length == 6 && (s[0] is '+' or '-') && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && s[3] == ':'
               && char.IsAsciiDigit(s[4]) && char.IsAsciiDigit(s[5]) ? s : null;
    }

    private static (double?, double?, double?) Gps(GpsDirectory? gps)
    {
        if (gps is null) return (null, null, null);
        double? lat = null, lon = null;
        try
        {
            // (0, 0) is what receivers write without a fix, not a place in the Gulf of Guinea.
            if (gps.GetGeoLocation() is { IsZero: false } loc && double.IsFinite(loc.Latitude) && double.IsFinite(loc.Longitude)
                && Math.Abs(loc.Latitude) <= 90 && Math.Abs(loc.Longitude) <= 180)
                (lat, lon) = (Math.Round(loc.Latitude, 7), Math.Round(loc.Longitude, 7));
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or IndexOutOfRangeException) { }
        var alt = TagValues.Double(gps, GpsDirectory.TagAltitude);
        if (alt is { } a && TagValues.Int(gps, GpsDirectory.TagAltitudeRef) == 1) alt = -a;
        return (lat, lon, alt is { } v && Math.Abs(v) < 100_000 ? Math.Round(v, 3) : null);
    }
}
