using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Intelligence;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using Microsoft.Extensions.Logging;

namespace ImageVault.Grains.Images;

/// <summary>The image grain's analysis stage and its duplicate reports.</summary>
public sealed partial class ImageGrain
{
    private const int NearestForDuplicates = 12;

    private IDuplicateGroupsGrain Duplicates => GrainFactory.GetGrain<IDuplicateGroupsGrain>(Tenant);

    private bool CanAnalyse =>
        analysis.Value.Enabled && S.Exists && S.Stage == PipelineStage.Ready && S.Thumbnails.ContainsKey(ThumbnailSpec.Large.Name);

    /// <summary>No visual analysis yet, one waiting, or one made by another embedding model.</summary>
    private bool NeedsVisual => CanAnalyse && (S.Analysis is null || S.Analysis.Status == AnalysisStatus.Pending || S.Analysis.Model != models.EmbeddingModel);

    /// <summary>Text not read yet, or read by other OCR models (only once the visual part stands).</summary>
    private bool NeedsText => CanAnalyse && S.Analysis is { Status: AnalysisStatus.Done } a
        && (a.TextStatus == AnalysisStatus.Pending || a.TextModel != models.OcrModel);

    private bool NeedsAnalysis => NeedsVisual || NeedsText;

    public async Task<bool> ReanalyseAsync()
    {
        if (!S.Exists || S.Stage != PipelineStage.Ready) return false;
        await MutateAsync(s =>
        {
            s.Analysis = (s.Analysis ?? new ImageAnalysis()) with { Status = AnalysisStatus.Pending, TextStatus = AnalysisStatus.Pending, Attempts = 0 };
            return true;
        });
        StartPipeline();
        return true;
    }

    /// <summary>
    /// The analysis the image still lacks: the visual part (when ingest could not make it, or the embedding
    /// model changed) and the text part (OCR, which ingest never does: it is the expensive step).
    /// </summary>
    private async Task AnalyseAsync()
    {
        await Sweeper.TrackAsync(ImageId); // idempotent: a crash mid-analysis leaves a trail
        var visual = NeedsVisual;
        var text = NeedsText || (visual && (S.Analysis?.TextStatus != AnalysisStatus.Done || S.Analysis.TextModel != models.OcrModel));
        var job = new AnalysisJob(Tenant, S.Sha256, S.Thumbnails[ThumbnailSpec.Large.Name].Key, visual, text);
        AnalysisOutcome outcome;
        try { outcome = await GrainFactory.GetGrain<IAnalysisWorkerGrain>(0).AnalyseAsync(job); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Timeouts and I/O pass; a model that cannot load does not, but three tries then "failed" is
            // better than a pipeline that never ends.
            LogAnalysisFailed(ImageId, e);
            outcome = new AnalysisOutcome(new ImageAnalysis(), Transient: true);
        }
        var current = S.Analysis ?? new ImageAnalysis { TextStatus = AnalysisStatus.Pending };
        var attempts = current.Attempts + 1;
        ImageAnalysis result;
        if (outcome.Transient && attempts < MaxTransientAttempts) result = current with { Attempts = attempts }; // tried again later
        else
        {
            var failure = outcome.Transient ? outcome.Analysis with { Status = AnalysisStatus.Failed, TextStatus = AnalysisStatus.Failed, ErrorCode = ErrorCodes.ProcessingFailed } : outcome.Analysis;
            result = current with { Attempts = attempts };
            if (visual) result = result.WithVisualFrom(failure with { Model = models.EmbeddingModel });
            if (text) result = result.WithTextFrom(failure with { TextModel = models.OcrModel });
        }
        await MutateAsync(s =>
        {
            s.Analysis = result;
            if (result.Status == AnalysisStatus.Done) TechnicalTags.Apply(s, result);
            return true;
        });
        if (visual && result.Status == AnalysisStatus.Done) await ReportDuplicatesAsync();
    }

    /// <summary>Finds this image's near-duplicates among its nearest neighbours and tells the tenant's duplicate groups.</summary>
    private async Task ReportDuplicatesAsync()
    {
        if (S.Trashed || EmbeddingCodec.Decode(S.Analysis?.Embedding) is not { } vector) return;
        try
        {
            var hits = await index.SimilarAsync(Tenant, vector, NearestForDuplicates);
            var links = hits
                .Where(h => h.Document.Id != ImageId)
                .Select(h => new DuplicateLink(h.Document.Id, Math.Round(h.Similarity, 4),
                    PerceptualHash.RotationInvariantDistance(S.Analysis!.PHashes, h.Document.PHashes.ToArray())))
                .Where(l => NearDuplicateRule.Holds(l.Similarity, l.HashDistance))
                .ToArray();
            await Duplicates.ReportAsync(ImageId, links);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAnalysisFailed(ImageId, e); // duplicates are advisory: the next analysis or restore reports again
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of image {ImageId} failed; it is retried")]
    private partial void LogAnalysisFailed(string imageId, Exception e);
}
