using XmpCore;

namespace ImageVault.Imaging.Metadata;

/// <summary>Safe reads of the few XMP properties ImageVault uses.</summary>
internal sealed class XmpFields(IXmpMeta? meta)
{
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Photoshop = "http://ns.adobe.com/photoshop/1.0/";
    public const string Exif = "http://ns.adobe.com/exif/1.0/";
    public const string ExifEx = "http://cipa.jp/exif/1.0/";
    public const string Tiff = "http://ns.adobe.com/tiff/1.0/";
    public const string Aux = "http://ns.adobe.com/exif/1.0/aux/";
    public const string Iptc4XmpCore = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";

    public bool Present => meta is not null;

    public string? Text(string ns, string name, int max = 256) =>
        Try(() => meta!.DoesPropertyExist(ns, name) ? TextSanitizer.Clean(meta.GetPropertyString(ns, name), max) : null);

    public string? AltText(string ns, string name, int max = 500) =>
        Try(() => meta!.DoesPropertyExist(ns, name) ? TextSanitizer.Clean(meta.GetLocalizedText(ns, name, "", "x-default")?.Value, max) : null);

    public string? FirstItem(string ns, string name) => Items(ns, name).Select(v => TextSanitizer.Clean(v, 256)).FirstOrDefault(v => v is not null);

    public IEnumerable<string> Items(string ns, string name) =>
        Try(() =>
        {
            if (!meta!.DoesPropertyExist(ns, name)) return [];
            var count = Math.Min(meta.CountArrayItems(ns, name), MetadataReader.MaxKeywords);
            var items = new List<string>(count);
            for (var i = 1; i <= count; i++)
                if (meta.GetArrayItem(ns, name, i)?.Value is { } v) items.Add(v);
            return (IEnumerable<string>)items;
        }) ?? [];

    private T? Try<T>(Func<T?> read) where T : class
    {
        if (meta is null) return null;
        try { return read(); }
        catch (Exception e) when (e is XmpException or InvalidCastException or ArgumentException or NullReferenceException) { return null; }
    }
}
