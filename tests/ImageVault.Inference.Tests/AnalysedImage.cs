using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;

namespace ImageVault.Inference.Tests;

/// <summary>
/// One file through the same steps the silo runs (ingest to thumbnails measuring features and the square
/// on the way, then the text pass on the large thumbnail), in process: the sandbox adds isolation, not different results.
/// </summary>
public sealed record AnalysedImage(PixelFeatures Features, RgbImage Square, RgbImage Page)
{
    public static AnalysedImage From(byte[] original)
    {
        var ingest = ImageAnalyzer.Analyze(original, new AnalysisRequest(100_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg, Features: true));
        var large = ingest.Thumbnails.SingleOrDefault(t => t.Name == ThumbnailSpec.Large.Name)
                    ?? throw new InvalidDataException($"no thumbnail: {ingest.ErrorCode} {ingest.ErrorDetail}");
        var page = ImageAnalyzer.Analyze(large.Bytes, new AnalysisRequest(100_000_000, [], ThumbnailEncoding.Jpeg, AnalysisMode.Text));
        if (ingest.Features is null || page.Rasters.Count != 1) throw new InvalidDataException($"analysis failed: {ingest.ErrorCode} {page.ErrorCode}");
        return new AnalysedImage(ingest.Features, ToRgb(ingest.Rasters.Single(r => r.Name == Raster.Square)), ToRgb(page.Rasters[0]));
    }

    public static AnalysedImage FromFile(string path) => From(File.ReadAllBytes(path));

    private static RgbImage ToRgb(Raster r) => RgbImage.Create(r.Width, r.Height, r.Pixels);
}
