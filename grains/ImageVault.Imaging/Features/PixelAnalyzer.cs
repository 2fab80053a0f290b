using ImageVault.Contracts;
using ImageVault.Imaging.Analysis;
using NetVips;

namespace ImageVault.Imaging.Features;

/// <summary>What the pixels alone say: perceptual hashes, colour, sharpness, and a 64×64 grey rendering (SSIM).</summary>
public sealed record PixelFeatures(
    ulong[] PHashes, ulong DHash, IReadOnlyList<PaletteColour> Palette, IReadOnlyList<string> Colours, ImageStatistics Statistics, byte[] Grey)
{
    public const int GreySide = 64;
}

/// <summary>
/// Pixel features and model inputs from a displayable image (oriented, sRGB, 8-bit): measured on a
/// 512-px rendering made once, plus the 224-px centre square the embedding model reads. Ingest calls it
/// on the largest thumbnail while that is in memory; re-analysis and OCR decode ImageVault's own large
/// thumbnail. Decoding stays in the sandboxed worker.
/// </summary>
public static class PixelAnalyzer
{
    public const int AnalysisSide = 512;

    /// <summary>Features and the square raster of an image already decoded for display.</summary>
    public static (PixelFeatures Features, Raster Square) FromDisplayable(Image displayable)
    {
        using var small = ToRgb(displayable.ThumbnailImage(AnalysisSide, height: AnalysisSide, size: Enums.Size.Down));
        using var square = ToRgb(displayable.ThumbnailImage(224, height: 224, crop: Enums.Interesting.Centre));
        var raster = new Raster("analysis", small.Width, small.Height, small.WriteToMemory<byte>());
        var features = new PixelFeatures(PerceptualHash.PHashes(raster), PerceptualHash.DHash(raster),
            ColourAnalysis.Palette(raster), ColourAnalysis.NamedColours(raster), ImageStatistics.Measure(raster), Grey(raster));
        return (features, new Raster(Raster.Square, square.Width, square.Height, square.WriteToMemory<byte>()));
    }

    /// <summary>
    /// Work on ImageVault's own large thumbnail: <see cref="AnalysisMode.Pixels"/> gives features and the
    /// square raster; <see cref="AnalysisMode.Text"/> gives the page raster OCR reads.
    /// </summary>
    public static AnalysisResult Analyze(byte[] thumbnail, AnalysisMode mode)
    {
        try
        {
            using var page = ToRgb(Image.NewFromBuffer(thumbnail));
            if (mode == AnalysisMode.Text)
                return new AnalysisResult { Width = page.Width, Height = page.Height, Rasters = [new Raster(Raster.Page, page.Width, page.Height, page.WriteToMemory<byte>())] };
            var (features, square) = FromDisplayable(page);
            return new AnalysisResult { Width = page.Width, Height = page.Height, Features = features, Rasters = [square] };
        }
        catch (VipsException e)
        {
            return AnalysisResult.Failed(ErrorCodes.CorruptImage, Metadata.TextSanitizer.Clean(e.Message, 300) ?? "decoder error");
        }
    }

    private static byte[] Grey(Raster raster)
    {
        var grid = raster.GrayGrid(PixelFeatures.GreySide, PixelFeatures.GreySide);
        var bytes = new byte[PixelFeatures.GreySide * PixelFeatures.GreySide];
        for (var y = 0; y < PixelFeatures.GreySide; y++)
            for (var x = 0; x < PixelFeatures.GreySide; x++) bytes[y * PixelFeatures.GreySide + x] = (byte)Math.Clamp(Math.Round(grid[y, x]), 0, 255);
        return bytes;
    }

    private static Image ToRgb(Image image)
    {
        var rgb = image.Bands switch
        {
            1 => image.Bandjoin(image, image),
            3 => image.Copy(),
            _ => image.ExtractBand(0, 3),
        };
        image.Dispose();
        if (rgb.Format == Enums.BandFormat.Uchar) return rgb;
        var cast = rgb.Cast(Enums.BandFormat.Uchar);
        rgb.Dispose();
        return cast;
    }
}
