using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ImageVault.Grains.Images;

/// <inheritdoc cref="IImageGrain"/>
/// <remarks>
/// Reentrant so reads and edits never wait behind a slow decode; every state change takes
/// <see cref="_gate"/>, so writes never overlap. The pipeline (ingest, purge) runs from a one-shot
/// timer and holds the gate only while it applies its results.
/// </remarks>
[Reentrant, GrainType("image")]
public sealed partial class ImageGrain(
    [PersistentState("image", StorageNames.Default)] IPersistentState<ImageState> store,
    IImageSearchIndex index, ImageArtefacts artefacts, IImageModels models, IOptions<AnalysisOptions> analysis,
    TimeProvider clock, ILogger<ImageGrain> log) : Grain, IImageGrain
{
    private const int MaxTransientAttempts = 3;
    // Longer than a registration's one storage write can take; shorter than the failover tests' patience.
    private static readonly TimeSpan MissingImageGrace = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _pipelineRunning;

    private ImageState S => store.State;
    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
    private string ImageId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;
    private ITenantGrain TenantUsage => GrainFactory.GetGrain<ITenantGrain>(Tenant);
    private IPipelineSweeperGrain Sweeper => GrainFactory.GetGrain<IPipelineSweeperGrain>(IPipelineSweeperGrain.KeyFor(Tenant, ImageId));

    public override Task OnActivateAsync(CancellationToken ct)
    {
        // Activated with work unfinished (its last silo died, or the process restarted): resume it now
        // instead of waiting for the sweeper, which stays the backstop for images nobody touches.
        if (S.Exists && (S.Stage is PipelineStage.Stored or PipelineStage.Purging || NeedsAnalysis)) StartPipeline();
        return Task.CompletedTask;
    }

    public Task<ImageState?> GetAsync() => Task.FromResult(S.Exists ? S : null);

    public async Task<ImageState> RegisterAsync(NewImage image)
    {
        await _gate.WaitAsync();
        try
        {
            if (S.Exists) return S; // a retry of the same registration
            var now = clock.GetUtcNow();
            store.State = new ImageState
            {
                Id = ImageId, Tenant = Tenant, FileName = image.FileName, Format = image.Format,
                ContentType = image.ContentType, SizeBytes = image.SizeBytes, Sha256 = image.Sha256,
                OriginalKey = image.OriginalKey, Width = image.Width, Height = image.Height,
                UploadedAt = image.UploadedAt, UpdatedAt = now, Stage = PipelineStage.Stored, Version = 1,
            };
            await Sweeper.TrackAsync(ImageId); // before the write: a crash after it cannot strand the image
            await store.WriteStateAsync();
        }
        finally { _gate.Release(); }
        await TenantUsage.RecordUsageAsync(1, image.SizeBytes);
        await IndexAsync();
        StartPipeline();
        return S;
    }

    public Task<ImageState?> UpdateAsync(ImagePatch patch) => MutateAsync(s => ImageRules.ApplyPatch(s, patch));

    public Task<ImageState?> ChangeTagsAsync(SetChange change) => MutateAsync(s => ImageRules.ApplyTags(s.Tags, change, ImageTag.FromUser));

    public Task<ImageState?> ChangeAlbumsAsync(SetChange change) => MutateAsync(s => ImageRules.ApplyIds(s.AlbumIds, change));

    public async Task<ImageState?> TrashAsync()
    {
        var state = await MutateAsync(s =>
        {
            if (s.Trashed) return false;
            (s.Trashed, s.TrashedAt) = (true, clock.GetUtcNow());
            return true;
        });
        if (state is not null) await Duplicates.ForgetAsync(ImageId);
        return state;
    }

    public async Task<ImageState?> RestoreAsync()
    {
        var state = await MutateAsync(s =>
        {
            if (!s.Trashed) return false;
            (s.Trashed, s.TrashedAt) = (false, null);
            return true;
        });
        if (state is not null) await ReportDuplicatesAsync();
        return state;
    }

    public async Task<ImageComment?> AddCommentAsync(string author, string text)
    {
        ImageComment? comment = null;
        var state = await MutateAsync(s =>
        {
            if (s.Comments.Count >= ImageRules.MaxComments) return false;
            var body = Imaging.Metadata.TextSanitizer.Clean(text, ImageRules.MaxCommentLength);
            if (body is null) return false;
            comment = new ImageComment(GrainKeys.NewId(), Imaging.Metadata.TextSanitizer.Clean(author, 100) ?? "anonymous", body, clock.GetUtcNow());
            s.Comments.Add(comment);
            return true;
        });
        return state is null ? null : comment;
    }

    public async Task<bool> PurgeAsync()
    {
        if (!S.Exists) return false;
        await Sweeper.TrackAsync(ImageId); // the purge survives a crash: the sweeper finishes it
        await MutateAsync(s =>
        {
            s.Stage = PipelineStage.Purging;
            return true;
        });
        await RunPipelineAsync();
        return true;
    }

    public Task ResumeAsync()
    {
        StartPipeline();
        return Task.CompletedTask;
    }

    public Task<bool> ReindexAsync() => S.Exists ? IndexAsync() : Task.FromResult(false);

    /// <summary>Applies <paramref name="change"/> under the gate; persists and re-indexes when it changed something.</summary>
    private async Task<ImageState?> MutateAsync(Func<ImageState, bool> change)
    {
        await _gate.WaitAsync();
        try
        {
            if (!S.Exists) return null;
            if (!change(S)) return S;
            S.Version++;
            S.UpdatedAt = clock.GetUtcNow();
            await store.WriteStateAsync();
        }
        finally { _gate.Release(); }
        await IndexAsync();
        return S;
    }

    /// <summary>True when the index holds this version or a newer one afterwards (skipped as stale counts as done).</summary>
    private async Task<bool> IndexAsync()
    {
        try
        {
            await index.UpsertAsync(ImageDocuments.From(S));
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The record is committed; the index is derived. Leave a trail so the sweeper re-indexes.
            LogIndexFailed(ImageId, e);
            await Sweeper.TrackAsync(ImageId);
            return false;
        }
    }

    private void StartPipeline(TimeSpan? delay = null)
    {
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(async () =>
        {
            timer?.Dispose();
            await RunPipelineAsync();
        }, delay ?? TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task RunPipelineAsync()
    {
        if (!S.Exists)
        {
            // Empty here may only mean this activation read storage before a registration elsewhere
            // committed (a silo dying mid-upload): registrations track first and write second, so the
            // sweeper lets go of a missing image only once its entry is older than any registration can take.
            await store.ReadStateAsync();
            if (!S.Exists) await Sweeper.UntrackMissingAsync(ImageId, MissingImageGrace);
            else StartPipeline();
            return;
        }
        if (_pipelineRunning) return;
        _pipelineRunning = true;
        try
        {
            switch (S.Stage)
            {
                case PipelineStage.Purging: await PurgeStepsAsync(); return;
                case PipelineStage.Stored: await IngestAsync(); break;
            }
            if (NeedsAnalysis) await AnalyseAsync();
            if (S.Stage is PipelineStage.Ready or PipelineStage.Failed && !NeedsAnalysis && await IndexAsync())
                await Sweeper.UntrackAsync(ImageId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPipelineFailed(ImageId, S.Stage, e);
        }
        finally { _pipelineRunning = false; }
        // Work left unfinished (a failure, a transient outcome): this activation tries again on its own,
        // backing off; the sweeper remains the backstop for images that have no activation.
        if (S.Exists && (S.Stage is PipelineStage.Stored or PipelineStage.Purging || NeedsAnalysis))
            StartPipeline(TimeSpan.FromSeconds(Math.Min(60, 5 * (S.Attempts + (S.Analysis?.Attempts ?? 0) + 1))));
    }

    private async Task IngestAsync()
    {
        IngestOutcome outcome;
        try { outcome = await GrainFactory.GetGrain<IIngestWorkerGrain>(0).IngestAsync(new IngestJob(Tenant, S.Sha256, S.OriginalKey, analysis.Value.Enabled)); }
        catch (Exception e) when (e is TimeoutException or IOException or OrleansException)
        {
            outcome = new IngestOutcome { ErrorCode = Contracts.ErrorCodes.ProcessingFailed, ErrorDetail = e.GetType().Name, Transient = true };
        }
        // Transient failures are retried by the sweeper a few times, then recorded as failed: never a loop.
        if (outcome.Transient && S.Attempts + 1 < MaxTransientAttempts)
        {
            await MutateAsync(s => { s.Attempts++; return true; }); // the sweeper tries again later
            return;
        }
        await MutateAsync(s =>
        {
            IngestResults.Apply(s, outcome);
            return true;
        });
        if (outcome.Analysis is not null) await ReportDuplicatesAsync();
    }

    private async Task PurgeStepsAsync()
    {
        var (tenant, id, sha, size) = (Tenant, ImageId, S.Sha256, S.SizeBytes);
        await artefacts.DeleteAllAsync(S);
        await Duplicates.ForgetAsync(id);
        await GrainFactory.GetGrain<IContentGrain>(GrainKeys.For(tenant, sha)).ReleaseAsync(id);
        await _gate.WaitAsync();
        try { await store.ClearStateAsync(); }
        finally { _gate.Release(); }
        await TenantUsage.RecordUsageAsync(-1, -size);
        await Sweeper.UntrackAsync(id);
        LogPurged(id);
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing image {ImageId} failed; the sweeper will retry")]
    private partial void LogIndexFailed(string imageId, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline of image {ImageId} failed in stage {Stage}; it is retried")]
    private partial void LogPipelineFailed(string imageId, PipelineStage stage, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {ImageId} purged")]
    private partial void LogPurged(string imageId);
}
