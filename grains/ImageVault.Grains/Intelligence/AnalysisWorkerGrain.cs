using System.Diagnostics;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Telemetry;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ImageVault.Grains.Intelligence;

/// <inheritdoc cref="IAnalysisWorkerGrain"/>
/// <remarks>Decoding runs in the sandbox pool and the models off the scheduler, both bounded; this grain only moves data.</remarks>
[StatelessWorker, GrainType("analysis")]
public sealed class AnalysisWorkerGrain(IBlobStore blobs, IImageProcessor processor, IImageModels models, IOptions<ImageVaultLimits> limits)
    : Grain, IAnalysisWorkerGrain
{
    public async Task<AnalysisOutcome> AnalyseAsync(AnalysisJob job)
    {
        using var activity = ImageVaultTelemetry.Activities.StartActivity("analyse");
        activity?.SetTag("imagevault.sha256", job.Sha256);
        byte[] thumbnail;
        await using (var handle = await blobs.OpenReadAsync(job.ThumbnailKey))
        {
            if (handle is null) return Failed(ErrorCodes.ProcessingFailed, transient: true);
            thumbnail = new byte[handle.Info.Length];
            await handle.Stream.ReadExactlyAsync(thumbnail);
        }

        var started = Stopwatch.GetTimestamp();
        var pixels = await processor.AnalyzeAsync(thumbnail, new AnalysisRequest(limits.Value.MaxPixels, [], ThumbnailEncoding.Jpeg, AnalysisMode.Pixels));
        Record("pixels", started);
        if (pixels.Features is not { } features || pixels.Rasters.Count != 2) return Failed(pixels.ErrorCode ?? ErrorCodes.ProcessingFailed, transient: false);
        var square = ToRgb(pixels.Rasters.Single(r => r.Name == Raster.Square));
        var page = ToRgb(pixels.Rasters.Single(r => r.Name == Raster.Page));

        started = Stopwatch.GetTimestamp();
        var embedding = await models.EmbedAsync(square);
        Record("embedding", started);
        started = Stopwatch.GetTimestamp();
        var ocr = await models.ReadTextAsync(page);
        Record("ocr", started);

        var artefact = new AnalysisArtefact
        {
            Model = models.ModelVersion, Embedding = embedding, Text = ocr.Text, Width = page.Width, Height = page.Height,
            Words = ocr.Boxes.Select(b => new OcrWord(b.Text, Math.Round(b.Confidence, 3), b.Quad.ToArray())).ToArray(),
            Grey = Convert.ToBase64String(GreyBytes(pixels.Rasters.Single(r => r.Name == Raster.Page))),
        };
        var key = BlobKeys.Analysis(job.Tenant, job.Sha256, models.ModelVersion);
        await blobs.PutAsync(key, new MemoryStream(artefact.ToJson(), writable: false), "application/json");

        var textArea = ocr.Boxes.Sum(b => (double)b.Quad.Width * b.Quad.Height);
        return new AnalysisOutcome(new ImageAnalysis
        {
            Status = AnalysisStatus.Done, Model = models.ModelVersion, Embedding = EmbeddingCodec.Encode(embedding),
            PHashes = features.PHashes, DHash = features.DHash,
            Palette = features.Palette.Select(p => new PaletteEntry(p.Hex, p.Weight)).ToList(),
            Colours = features.Colours.ToList(),
            Sharpness = features.Statistics.Sharpness, Brightness = features.Statistics.Brightness,
            Colourfulness = features.Statistics.Colourfulness,
            Text = ocr.Text.Length > ImageAnalysis.MaxStoredText ? ocr.Text[..ImageAnalysis.MaxStoredText] : ocr.Text,
            TextBoxes = ocr.Boxes.Count,
            TextCoverage = Math.Round(Math.Min(1, textArea / ((double)page.Width * page.Height)), 4),
            ArtefactKey = key, AnalysedAt = DateTimeOffset.UtcNow,
        }, Transient: false);
    }

    private AnalysisOutcome Failed(string code, bool transient) =>
        new(new ImageAnalysis { Status = AnalysisStatus.Failed, Model = models.ModelVersion, ErrorCode = code }, transient);

    private static RgbImage ToRgb(Raster r) => RgbImage.Create(r.Width, r.Height, r.Pixels);

    private static byte[] GreyBytes(Raster page)
    {
        var grid = page.GrayGrid(AnalysisArtefact.GreySide, AnalysisArtefact.GreySide);
        var bytes = new byte[AnalysisArtefact.GreySide * AnalysisArtefact.GreySide];
        for (var y = 0; y < AnalysisArtefact.GreySide; y++)
            for (var x = 0; x < AnalysisArtefact.GreySide; x++) bytes[y * AnalysisArtefact.GreySide + x] = (byte)Math.Clamp(Math.Round(grid[y, x]), 0, 255);
        return bytes;
    }

    private static void Record(string step, long started) =>
        ImageVaultTelemetry.AnalysisDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("step", step));
}
