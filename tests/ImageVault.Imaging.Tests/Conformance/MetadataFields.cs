using System.Globalization;
using ImageVault.Imaging.Analysis;

namespace ImageVault.Imaging.Tests.Conformance;

/// <summary>How each summary.csv column maps to what ImageVault reads, and when two values agree.</summary>
internal sealed record MetadataFields(string Name, Func<Dictionary<string, string>, string?> Expected, Func<AnalysisResult, string?> Actual, double Tolerance = 0)
{
    public static readonly HashSet<string> Core =
        ["width", "height", "make", "model", "orientation", "datetime_original", "exposure_time", "f_number", "focal_length", "gps_latitude", "gps_longitude"];

    /// <summary>Fields held to a lower, documented floor: exiftool derives them from maker notes ImageVault does not decode.</summary>
    public static readonly Dictionary<string, double> Secondary = new() { ["iso"] = 0.93, ["lens"] = 0.85, ["offset_time_original"] = 0.98, ["gps_altitude"] = 0.98 };

    public static readonly MetadataFields[] All =
    [
        new("width", r => Col(r, "width"), a => Str(a.Width)),
        new("height", r => Col(r, "height"), a => Str(a.Height)),
        new("make", r => Col(r, "make"), a => a.Metadata?.Make),
        new("model", r => Col(r, "model"), a => a.Metadata?.Model),
        new("lens", r => Col(r, "lens"), a => a.Metadata?.Lens),
        new("orientation", r => int.TryParse(Col(r, "orientation"), out var o) && o is >= 1 and <= 8 ? Col(r, "orientation") : null, a => Str(a.Metadata?.Orientation)),
        new("datetime_original", r => ValidDate(Col(r, "datetime_original")), a => ExifStyle(a.Metadata?.CapturedAt)),
        new("offset_time_original", r => Col(r, "offset_time_original"), a => a.Metadata?.CapturedOffset),
        new("exposure_time", r => Col(r, "exposure_time"), a => Str(a.Metadata?.ExposureTime), 1e-3),
        new("f_number", r => Col(r, "f_number"), a => Str(a.Metadata?.FNumber), 1e-2),
        new("iso", r => Col(r, "iso"), a => Str(a.Metadata?.Iso)),
        new("focal_length", r => Col(r, "focal_length"), a => Str(a.Metadata?.FocalLength), 1e-2),
        new("gps_latitude", r => Col(r, "gps_latitude"), a => Str(a.Metadata?.Latitude), 1e-5),
        new("gps_longitude", r => Col(r, "gps_longitude"), a => Str(a.Metadata?.Longitude), 1e-5),
        new("gps_altitude", r => Col(r, "gps_altitude"), a => Str(a.Metadata?.Altitude), 1e-2),
    ];

    public bool Agrees(string? expected, string? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        // exiftool prints array values space-separated ("0 200"); the reading is its last non-zero value.
        if (expected.Contains(' ') && expected.Split(' ').All(p => double.TryParse(p, CultureInfo.InvariantCulture, out _)))
            expected = expected.Split(' ').LastOrDefault(p => p != "0") ?? "0";
        if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
            return Math.Abs(e - a) <= Math.Max(Tolerance, 1e-9) * Math.Max(1, Math.Abs(e));
        return string.Equals(expected.Trim(), actual.Trim(), StringComparison.Ordinal);
    }

    private static string? Col(Dictionary<string, string> r, string name) => r.TryGetValue(name, out var v) && v.Trim().Length > 0 ? v.Trim() : null;

    private static string? Str<T>(T? v) where T : struct, IFormattable => v?.ToString(null, CultureInfo.InvariantCulture);

    // exiftool prints what the file says; ImageVault drops dates that cannot exist (0000:00:00 …).
    private static string? ValidDate(string? raw) =>
        raw is not null && DateTime.TryParseExact(raw.Length >= 19 ? raw[..19] : raw, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? raw[..19] : null;

    private static string? ExifStyle(string? iso) => iso is { Length: >= 19 } ? iso[..19].Replace('-', ':').Replace('T', ' ') : iso;
}
