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
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ImageVault.Grains.Intelligence;

/// <inheritdoc cref="IAnalysisWorkerGrain"/>
/// <remarks>Decoding runs in the sandbox pool and the models off the scheduler, both bounded; this grain only moves data.</remarks>
[StatelessWorker, GrainType("analysis")]
public sealed class AnalysisWorkerGrain(IBlobStore blobs, IImageProcessor processor, AnalysisSteps steps, IOptions<ImageVaultLimits> limits)
    : Grain, IAnalysisWorkerGrain
{
    public async Task<AnalysisOutcome> AnalyseAsync(AnalysisJob job)
    {
        using var activity = ImageVaultTelemetry.Activities.StartActivity("analyse");
        activity?.SetTag("imagevault.sha256", job.Sha256);
        byte[] thumbnail;
        await using (var handle = await blobs.OpenReadAsync(job.ThumbnailKey))
        {
            if (handle is null) return Failed(new ImageAnalysis(), job, ErrorCodes.ProcessingFailed, transient: true);
            thumbnail = new byte[handle.Info.Length];
            await handle.Stream.ReadExactlyAsync(thumbnail);
        }

        var analysis = new ImageAnalysis { TextStatus = AnalysisStatus.Pending };
        if (job.Visual)
        {
            var pixels = await DecodeAsync(thumbnail, AnalysisMode.Pixels);
            if (pixels.Features is not { } features || pixels.Rasters.Count != 1) return Failed(analysis, job, pixels.ErrorCode ?? ErrorCodes.ProcessingFailed, transient: false);
            analysis = await steps.VisualAsync(job.Tenant, job.Sha256, features, pixels.Rasters[0]);
        }
        if (job.Text)
        {
            var page = await DecodeAsync(thumbnail, AnalysisMode.Text);
            if (page.Rasters.Count != 1) return Failed(analysis, job, page.ErrorCode ?? ErrorCodes.ProcessingFailed, transient: false);
            analysis = await steps.TextAsync(analysis, job.Tenant, job.Sha256, page.Rasters[0]);
        }
        return new AnalysisOutcome(analysis, Transient: false);
    }

    private async Task<AnalysisResult> DecodeAsync(byte[] thumbnail, AnalysisMode mode)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await processor.AnalyzeAsync(thumbnail, new AnalysisRequest(limits.Value.MaxPixels, [], ThumbnailEncoding.Jpeg, mode));
        AnalysisSteps.Record(mode == AnalysisMode.Text ? "decode page" : "pixels", started);
        return result;
    }

    /// <summary>The parts asked for, marked failed with the code (the image grain keeps what it had for the others).</summary>
    private static AnalysisOutcome Failed(ImageAnalysis analysis, AnalysisJob job, string code, bool transient) => new(analysis with
    {
        Status = job.Visual ? AnalysisStatus.Failed : analysis.Status, ErrorCode = job.Visual ? code : analysis.ErrorCode,
        TextStatus = job.Text ? AnalysisStatus.Failed : analysis.TextStatus, TextErrorCode = job.Text ? code : null,
    }, transient);
}
