namespace ImageVault.Imaging.Formats;

/// <summary>The image formats ImageVault accepts, identified from content, never from a file name.</summary>
public enum ImageFormat { Unknown = 0, Jpeg, Png, Gif, WebP, Tiff, Bmp, Heic, Avif }

public static class ImageFormats
{
    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Gif => "image/gif",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Tiff => "image/tiff",
        ImageFormat.Bmp => "image/bmp",
        ImageFormat.Heic => "image/heic",
        ImageFormat.Avif => "image/avif",
        _ => "application/octet-stream",
    };

    public static string Name(this ImageFormat format) => format.ToString().ToLowerInvariant();

    public static ImageFormat Parse(string? name) =>
        Enum.TryParse<ImageFormat>(name, ignoreCase: true, out var f) ? f : ImageFormat.Unknown;
}
