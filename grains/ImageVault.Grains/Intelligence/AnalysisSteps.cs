using System.Diagnostics;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Telemetry;
using ImageVault.Imaging.Features;
using ImageVault.Inference;

namespace ImageVault.Grains.Intelligence;

/// <summary>
/// The two analysis steps on pixels the sandbox already decoded: visual (embedding from the square,
/// plus the pixel features) and text (OCR of the page). Each writes its artefact and returns the compact
/// results for grain state. Used by ingest (visual, while the original is decoded anyway) and by the
/// analysis worker (text, and visual again after a model change).
/// </summary>
public sealed class AnalysisSteps(IBlobStore blobs, IImageModels models, AnalysisPriority priority, TimeProvider clock)
{
    public async Task<ImageAnalysis> VisualAsync(string tenant, string sha256, PixelFeatures features, Raster square, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var embedding = await models.EmbedAsync(RgbImage.Create(square.Width, square.Height, square.Pixels), ct);
        Record("embedding", started);
        var key = BlobKeys.Analysis(tenant, sha256, $"visual-{models.EmbeddingModel}");
        await blobs.PutAsync(key, new MemoryStream(new VisualArtefact(models.EmbeddingModel, embedding, features.Grey).ToJson(), writable: false), "application/json", ct);
        return new ImageAnalysis
        {
            Status = AnalysisStatus.Done, Model = models.EmbeddingModel, Embedding = EmbeddingCodec.Encode(embedding),
            PHashes = features.PHashes, DHash = features.DHash,
            Palette = features.Palette.Select(p => new PaletteEntry(p.Hex, p.Weight)).ToList(),
            Colours = features.Colours.ToList(),
            Sharpness = features.Statistics.Sharpness, Brightness = features.Statistics.Brightness, Colourfulness = features.Statistics.Colourfulness,
            ArtefactKey = key, AnalysedAt = clock.GetUtcNow(), TextStatus = AnalysisStatus.Pending,
        };
    }

    public async Task<ImageAnalysis> TextAsync(ImageAnalysis current, string tenant, string sha256, Raster page, CancellationToken ct = default)
    {
        await priority.WaitForQuietAsync(ct); // uploads first
        var started = Stopwatch.GetTimestamp();
        var ocr = await models.ReadTextAsync(RgbImage.Create(page.Width, page.Height, page.Pixels), ct);
        Record("ocr", started);
        var words = ocr.Boxes.Select(b => new OcrWord(b.Text, Math.Round(b.Confidence, 3), b.Quad.ToArray())).ToArray();
        var key = BlobKeys.Analysis(tenant, sha256, $"text-{models.OcrModel}");
        await blobs.PutAsync(key, new MemoryStream(new TextArtefact(models.OcrModel, ocr.Text, words, page.Width, page.Height).ToJson(), writable: false), "application/json", ct);
        var textArea = ocr.Boxes.Sum(b => (double)b.Quad.Width * b.Quad.Height);
        return current with
        {
            TextStatus = AnalysisStatus.Done, TextModel = models.OcrModel, TextArtefactKey = key, TextErrorCode = null,
            Text = ocr.Text.Length > ImageAnalysis.MaxStoredText ? ocr.Text[..ImageAnalysis.MaxStoredText] : ocr.Text,
            TextBoxes = ocr.Boxes.Count,
            TextCoverage = Math.Round(Math.Min(1, textArea / ((double)page.Width * page.Height)), 4),
        };
    }

    public static void Record(string step, long started) =>
        ImageVaultTelemetry.AnalysisDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("step", step));
}
