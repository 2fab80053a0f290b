namespace ImageVault.Imaging.Thumbnails;

/// <summary>The thumbnail sizes ImageVault makes, by name; the largest is decoded once, smaller ones derive from it.</summary>
public sealed record ThumbnailSpec(string Name, int LongEdge)
{
    public static readonly ThumbnailSpec Small = new("small", 256);
    public static readonly ThumbnailSpec Large = new("large", 1440);
    public static readonly IReadOnlyList<ThumbnailSpec> Default = [Large, Small];
}

/// <summary>Encoding of thumbnails. JPEG is the default; WebP costs about 5× the CPU to encode here.</summary>
public enum ThumbnailEncoding { Jpeg, WebP }

/// <summary>An encoded thumbnail. The bytes travel beside the JSON in the worker protocol, not inside it.</summary>
public sealed record Thumbnail(string Name, int Width, int Height, string ContentType,
    [property: System.Text.Json.Serialization.JsonIgnore] byte[] Bytes);
