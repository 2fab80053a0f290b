using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Telemetry;
using ImageVault.Grains.Intelligence;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ImageVault.Grains.Pipeline;

/// <inheritdoc cref="IIngestWorkerGrain"/>
/// <remarks>
/// Concurrency is bounded by the <see cref="IImageProcessor"/> pool and the model gates, not by activations:
/// eight per silo let one image embed while others decode, so the sandbox never idles behind the model.
/// </remarks>
[StatelessWorker(8), GrainType("ingest")]
public sealed class IngestWorkerGrain(IBlobStore blobs, IImageProcessor processor, AnalysisSteps analysis, AnalysisPriority priority, IOptions<ImageVaultLimits> limits)
    : Grain, IIngestWorkerGrain
{
    public async Task<IngestOutcome> IngestAsync(IngestJob job)
    {
        using var foreground = priority.Foreground(); // OCR waits while uploads are being ingested
        byte[] original;
        try
        {
            await using var handle = await blobs.OpenReadAsync(job.OriginalKey);
            if (handle is null) return new IngestOutcome { ErrorCode = ErrorCodes.ProcessingFailed, ErrorDetail = "original missing", Transient = true };
            original = new byte[handle.Info.Length];
            await handle.Stream.ReadExactlyAsync(original);
        }
        catch (IOException e)
        {
            return new IngestOutcome { ErrorCode = ErrorCodes.ProcessingFailed, ErrorDetail = e.Message, Transient = true };
        }

        using var activity = ImageVaultTelemetry.Activities.StartActivity("ingest");
        activity?.SetTag("imagevault.sha256", job.Sha256);
        var request = new AnalysisRequest(limits.Value.MaxPixels, ThumbnailSpec.Default, limits.Value.ThumbnailEncoding, Features: job.Analyse);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await processor.AnalyzeAsync(original, request);
        ImageVaultTelemetry.IngestDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        ImageVaultTelemetry.IngestedImages.Add(1, new KeyValuePair<string, object?>("result", result.ErrorCode ?? "ok"));
        activity?.SetTag("imagevault.result", result.ErrorCode ?? "ok");

        var thumbs = new Dictionary<string, ThumbnailInfo>();
        foreach (var t in result.Thumbnails)
        {
            var key = BlobKeys.Thumbnail(job.Tenant, job.Sha256, t.Name, t.ContentType == "image/webp" ? "webp" : "jpg");
            await blobs.PutAsync(key, new MemoryStream(t.Bytes, writable: false), t.ContentType);
            thumbs[t.Name] = new ThumbnailInfo(key, t.Width, t.Height, t.ContentType);
        }
        return new IngestOutcome
        {
            Analysis = await VisualAnalysisAsync(job, result),
            Width = result.Width,
            Height = result.Height,
            Pages = result.Pages,
            Metadata = result.Metadata?.ToInfo(),
            Thumbnails = thumbs,
            Placeholder = result.Placeholder,
            ErrorCode = result.ErrorCode,
            ErrorDetail = result.ErrorDetail,
            // A timeout or crash in the sandbox is almost always the file's doing: not retried.
        };
    }

    /// <summary>The visual analysis from the features the sandbox measured on the largest thumbnail; null leaves it to the analysis step.</summary>
    private async Task<ImageAnalysis?> VisualAnalysisAsync(IngestJob job, AnalysisResult result)
    {
        if (!job.Analyse || result.Features is not { } features || result.Rasters.FirstOrDefault(r => r.Name == Raster.Square) is not { } square) return null;
        // Ingest never depends on the models: a failed artefact write or a model that cannot load (a
        // refused hash) leaves the visual part to the image grain's analysis step, which retries and records it.
        try { return await analysis.VisualAsync(job.Tenant, job.Sha256, features, square); }
        catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }
}
