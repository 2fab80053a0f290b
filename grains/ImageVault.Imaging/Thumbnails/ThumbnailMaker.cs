using NetVips;

namespace ImageVault.Imaging.Thumbnails;

/// <summary>
/// Makes thumbnails with libvips: shrink-on-load of the largest size (EXIF orientation applied,
/// colour converted to sRGB when the embedded ICC profile is not sRGB), smaller sizes derived from it, so
/// the original is decoded once. Also derives the BlurHash placeholder from the smallest size.
/// </summary>
public static class ThumbnailMaker
{
    public const int JpegQuality = 80;

    public sealed record Result(IReadOnlyList<Thumbnail> Thumbnails, string? Placeholder);

    /// <param name="embeddedProfile">The file's ICC profile, if any: it decides whether a colour transform is needed.</param>
    /// <param name="largestReady">Called with the largest thumbnail's pixels (in memory, displayable) before they are released.</param>
    public static Result Make(byte[] original, IReadOnlyList<ThumbnailSpec> specs, ThumbnailEncoding encoding, byte[]? embeddedProfile = null,
        Action<Image>? largestReady = null)
    {
        var toSrgb = IccProfiles.NeedsTransformToSrgb(embeddedProfile) ? "srgb" : null;
        return Make(spec => Image.ThumbnailBuffer(original, spec.LongEdge, height: spec.LongEdge, size: Enums.Size.Down, outputProfile: toSrgb), specs, encoding, largestReady);
    }

    /// <summary>Thumbnails of pixels decoded elsewhere (formats libvips cannot load, such as BMP).</summary>
    public static Result Make(Image decoded, IReadOnlyList<ThumbnailSpec> specs, ThumbnailEncoding encoding, Action<Image>? largestReady = null) =>
        Make(spec => decoded.ThumbnailImage(spec.LongEdge, height: spec.LongEdge, size: Enums.Size.Down), specs, encoding, largestReady);

    private static Result Make(Func<ThumbnailSpec, Image> largest, IReadOnlyList<ThumbnailSpec> specs, ThumbnailEncoding encoding, Action<Image>? largestReady)
    {
        var ordered = specs.OrderByDescending(s => s.LongEdge).ToArray();
        var thumbs = new List<Thumbnail>(ordered.Length);
        Image? previous = null;
        try
        {
            foreach (var spec in ordered)
            {
                var image = previous is null ? largest(spec) : previous.ThumbnailImage(spec.LongEdge, height: spec.LongEdge, size: Enums.Size.Down);
                image = ToDisplayable(image);
                // The decode is a sequential pipeline: keep the largest size in memory so the smaller
                // sizes and the placeholder derive from its pixels instead of re-reading the original out of order.
                if (previous is null)
                {
                    image = Replace(image, image.CopyMemory());
                    largestReady?.Invoke(image);
                }
                thumbs.Add(Encode(image, spec.Name, encoding));
                previous?.Dispose();
                previous = image;
            }
            return new Result(thumbs, previous is null ? null : Placeholder(previous));
        }
        finally { previous?.Dispose(); }
    }

    /// <summary>The ICC profile embedded in a loaded image, if any.</summary>
    public static byte[]? EmbeddedProfile(Image image) =>
        image.Contains("icc-profile-data") ? image.Get("icc-profile-data") as byte[] : null;

    /// <summary>The thumbnail stage on its own, as the worker runs it: read the header and profile, then make.</summary>
    public static Result MakeFromOriginal(byte[] original, IReadOnlyList<ThumbnailSpec> specs, ThumbnailEncoding encoding)
    {
        using var header = Image.NewFromBuffer(original, access: Enums.Access.Sequential);
        return Make(original, specs, encoding, EmbeddedProfile(header));
    }

    private static Image ToDisplayable(Image image)
    {
        if (image.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw) || image.Format != Enums.BandFormat.Uchar)
            image = Replace(image, image.Colourspace(Enums.Interpretation.Srgb));
        if (image.HasAlpha())
            image = Replace(image, image.Flatten(background: [255, 255, 255]));
        if (image.Format != Enums.BandFormat.Uchar)
            image = Replace(image, image.Cast(Enums.BandFormat.Uchar));
        return image;
    }

    private static Image Replace(Image old, Image replacement) { old.Dispose(); return replacement; }

    private static Thumbnail Encode(Image image, string name, ThumbnailEncoding encoding) => encoding switch
    {
        ThumbnailEncoding.WebP => new(name, image.Width, image.Height, "image/webp", image.WebpsaveBuffer(q: JpegQuality, keep: Enums.ForeignKeep.None)),
        _ => new(name, image.Width, image.Height, "image/jpeg", image.JpegsaveBuffer(q: JpegQuality, keep: Enums.ForeignKeep.None)),
    };

    private static string Placeholder(Image smallest)
    {
        using var tiny = smallest.ThumbnailImage(32, height: 32);
        using var rgb = tiny.Bands == 1 ? tiny.Bandjoin(tiny, tiny) : tiny.ExtractBand(0, 3);
        var pixels = rgb.WriteToMemory<byte>();
        return BlurHash.Encode(pixels, rgb.Width, rgb.Height);
    }
}
