using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Images;
using ImageVault.Grains.Abstractions.Pipeline;

namespace ImageVault.Grains.Intelligence;

/// <summary>
/// Tags ImageVault gives on its own from what analysis measured: shape, colour, light, sharpness and
/// text. They carry the source "auto", are replaced on every analysis and never replace a person's tag.
/// </summary>
public static class TechnicalTags
{
    public const string BlackAndWhite = "black-and-white", Blurry = "blurry", LowLight = "low-light";
    public const string Portrait = "portrait", Landscape = "landscape", Panorama = "panorama";
    public const string Document = "document", Screenshot = "screenshot";
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { BlackAndWhite, Blurry, LowLight, Portrait, Landscape, Panorama, Document, Screenshot };

    // Variance of the Laplacian on a 512-px grid below which detail is gone; mean luma below which a scene is dark.
    public const double BlurryBelow = 25, DarkBelow = 50, GreyBelow = 0.04, PanoramaRatio = 2.2, DocumentCoverage = 0.12;

    public static IReadOnlyList<string> For(ImageState s, ImageAnalysis a)
    {
        var tags = new List<string>();
        var (w, h) = s.Display;
        if (w is int width && h is int height && width > 0 && height > 0)
        {
            var ratio = (double)Math.Max(width, height) / Math.Min(width, height);
            if (ratio >= PanoramaRatio) tags.Add(Panorama);
            else if (width > height) tags.Add(Landscape);
            else if (height > width) tags.Add(Portrait);
        }
        if (a.Colourfulness < GreyBelow) tags.Add(BlackAndWhite);
        if (a.Brightness < DarkBelow) tags.Add(LowLight);
        var texty = a.TextCoverage >= DocumentCoverage || (a.Text?.Length ?? 0) >= 200;
        // Blur is measured on edges; a page of text is all edges or none, so it is not judged for blur.
        if (a.Sharpness < BlurryBelow && !texty) tags.Add(Blurry);
        var camera = s.Metadata?.Make is not null || s.Metadata?.Model is not null;
        if (texty && !camera && s.Format is "png" or "webp") tags.Add(Screenshot);
        else if (texty) tags.Add(Document);
        return tags;
    }

    /// <summary>Replaces the automatic tags of <paramref name="s"/> with those for <paramref name="a"/>.</summary>
    public static void Apply(ImageState s, ImageAnalysis a)
    {
        s.Tags.RemoveAll(t => t.Source == ImageTag.FromAnalysis);
        ImageRules.ApplyTags(s.Tags, new SetChange(For(s, a), []), ImageTag.FromAnalysis);
    }
}
