using MetadataExtractor;
using Directory = MetadataExtractor.Directory;

namespace ImageVault.Imaging.Metadata;

/// <summary>Typed reads of raw tag values, tolerant of the many shapes real files use.</summary>
internal static class TagValues
{
    public static double? Double(Directory? d, int tag)
    {
        if (d is null || !d.ContainsTag(tag)) return null;
        return d.GetObject(tag) switch
        {
            Rational r => r.Denominator == 0 ? null : r.ToDouble(),
            Rational[] { Length: > 0 } a => a[0].Denominator == 0 ? null : a[0].ToDouble(),
            IConvertible c => TryConvert(c),
            _ => null,
        };
    }

    public static int? Int(Directory? d, int tag)
    {
        if (d is null || !d.ContainsTag(tag)) return null;
        var value = d.GetObject(tag) switch
        {
            Array { Length: > 0 } a when a.GetValue(0) is IConvertible c => TryConvert(c),
            IConvertible c => TryConvert(c),
            _ => null,
        };
        return value is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
    }

    /// <summary>An integer tag that some cameras write as an array with a leading 0 (e.g. ISO "0 200").</summary>
    public static int? FirstNonZeroInt(Directory? d, int tag)
    {
        if (d is null || !d.ContainsTag(tag)) return null;
        if (d.GetObject(tag) is Array { Length: > 1 } a)
        {
            var values = a.Cast<object>().OfType<IConvertible>().Select(TryConvert).OfType<double>().ToArray();
            var chosen = values.FirstOrDefault(v => v != 0);
            return values.Length == 0 ? null : (int)Math.Clamp(chosen, 0, int.MaxValue);
        }
        return Int(d, tag) is >= 0 and var v ? v : null;
    }

    public static string? String(Directory? d, int tag, int maxLength = 256)
    {
        if (d is null || !d.ContainsTag(tag)) return null;
        try { return TextSanitizer.Clean(d.GetString(tag)?.TrimEnd('\0'), maxLength); }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException) { return null; }
    }

    public static IEnumerable<string> Strings(Directory? d, int tag)
    {
        if (d is null || !d.ContainsTag(tag)) return [];
        try { return d.GetStringArray(tag) ?? []; }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException) { return []; }
    }

    private static double? TryConvert(IConvertible c)
    {
        try
        {
            var v = c.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
            return double.IsFinite(v) ? v : null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException) { return null; }
    }
}
