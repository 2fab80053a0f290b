using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;

namespace ImageVault.Inference.Tests;

/// <summary>
/// One file through the same steps the silo runs (ingest to thumbnails, then the pixel pass on the large
/// thumbnail), in process: the sandbox adds isolation, not different results.
/// </summary>
public sealed record AnalysedImage(PixelFeatures Features, RgbImage Square, RgbImage Page)
{
    public static AnalysedImage From(byte[] original)
    {
        var ingest = ImageAnalyzer.Analyze(original, new AnalysisRequest(100_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg));
        var large = ingest.Thumbnails.SingleOrDefault(t => t.Name == ThumbnailSpec.Large.Name)
                    ?? throw new InvalidDataException($"no thumbnail: {ingest.ErrorCode} {ingest.ErrorDetail}");
        var pixels = ImageAnalyzer.Analyze(large.Bytes, new AnalysisRequest(100_000_000, [], ThumbnailEncoding.Jpeg, AnalysisMode.Pixels));
        if (pixels.Features is null) throw new InvalidDataException($"pixel pass failed: {pixels.ErrorCode}");
        return new AnalysedImage(pixels.Features, ToRgb(pixels.Rasters.Single(r => r.Name == Raster.Square)), ToRgb(pixels.Rasters.Single(r => r.Name == Raster.Page)));
    }

    public static AnalysedImage FromFile(string path) => From(File.ReadAllBytes(path));

    private static RgbImage ToRgb(Raster r) => RgbImage.Create(r.Width, r.Height, r.Pixels);
}
