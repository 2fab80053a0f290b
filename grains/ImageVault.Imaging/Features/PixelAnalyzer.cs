using ImageVault.Contracts;
using ImageVault.Imaging.Analysis;
using NetVips;

namespace ImageVault.Imaging.Features;

/// <summary>What the pixels alone say: perceptual hashes, colour and sharpness statistics.</summary>
public sealed record PixelFeatures(
    ulong[] PHashes, ulong DHash, IReadOnlyList<PaletteColour> Palette, IReadOnlyList<string> Colours, ImageStatistics Statistics);

/// <summary>
/// The second pass over an image, run on ImageVault's own large thumbnail (already oriented, sRGB,
/// at most 1440 px): measures the pixel features and hands over two rasters for the models, a 224-px
/// centre square (embeddings) and the page itself (OCR). Decoding stays in the sandboxed worker.
/// </summary>
public static class PixelAnalyzer
{
    public static AnalysisResult Analyze(byte[] thumbnail)
    {
        try
        {
            using var page = ToRgb(Image.NewFromBuffer(thumbnail));
            using var square = ToRgb(page.ThumbnailImage(224, height: 224, crop: Enums.Interesting.Centre));
            var pageRaster = new Raster(Raster.Page, page.Width, page.Height, page.WriteToMemory<byte>());
            var squareRaster = new Raster(Raster.Square, square.Width, square.Height, square.WriteToMemory<byte>());
            var palette = ColourAnalysis.Palette(pageRaster);
            var features = new PixelFeatures(PerceptualHash.PHashes(pageRaster), PerceptualHash.DHash(pageRaster),
                palette, ColourAnalysis.NamedColours(pageRaster), ImageStatistics.Measure(pageRaster));
            return new AnalysisResult { Width = page.Width, Height = page.Height, Features = features, Rasters = [squareRaster, pageRaster] };
        }
        catch (VipsException e)
        {
            return AnalysisResult.Failed(ErrorCodes.CorruptImage, Metadata.TextSanitizer.Clean(e.Message, 300) ?? "decoder error");
        }
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
