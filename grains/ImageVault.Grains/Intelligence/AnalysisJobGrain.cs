using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Ports;
using Microsoft.Extensions.Logging;

namespace ImageVault.Grains.Intelligence;

/// <inheritdoc cref="IAnalysisJobGrain"/>
/// <remarks>
/// Dispatch is a chain of one-shot timers, a page of images each, the cursor stored after every page; a
/// reminder wakes the grain after a crash. Dispatching only marks images for analysis: the work itself
/// runs in the image grains and their workers, tracked by the pipeline sweepers.
/// </remarks>
[GrainType("analysis-job")]
public sealed partial class AnalysisJobGrain(
    [PersistentState("analysis-job", StorageNames.Default)] IPersistentState<AnalysisJobState> store,
    IImageCatalog catalog, IImageModels models, TimeProvider clock, ILogger<AnalysisJobGrain> log) : Grain, IAnalysisJobGrain, IRemindable
{
    private const int PageSize = 100;
    private const string Reminder = "analysis-job";
    private bool _dispatching;

    private string Tenant => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken ct)
    {
        if (store.State.Running) ScheduleNextPage();
        return Task.CompletedTask;
    }

    public async Task<AnalysisJobState> StartAsync(string reason, bool force)
    {
        var s = store.State;
        s.Force = force;
        (s.JobId, s.Reason, s.Model, s.StartedAt) = (GrainKeys.NewId(), reason, models.ModelVersion, clock.GetUtcNow());
        (s.Cursor, s.Dispatched, s.Running, s.FinishedDispatchAt) = (null, 0, true, null);
        await store.WriteStateAsync();
        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        LogStarted(Tenant, reason, models.ModelVersion);
        ScheduleNextPage();
        return s;
    }

    public async Task EnsureModelAsync(string model)
    {
        var s = store.State;
        if (s.CompletedModel == model || (s.Running && s.Model == model)) return;
        // A tenant that never had a job has had every image analysed on upload by the current models,
        // unless images predate analysis: one walk settles it either way (images already current skip).
        await StartAsync(s.CompletedModel is null ? "first start with analysis" : $"model changed from {s.CompletedModel}", force: false);
    }

    public Task<AnalysisJobState> GetAsync() => Task.FromResult(store.State);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (store.State.Running) ScheduleNextPage();
        else if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private void ScheduleNextPage()
    {
        if (_dispatching) return;
        _dispatching = true;
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(async () =>
        {
            timer?.Dispose();
            try { await DispatchPageAsync(); }
            finally { _dispatching = false; }
            if (store.State.Running) ScheduleNextPage();
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task DispatchPageAsync()
    {
        var s = store.State;
        var ids = await catalog.ListImageIdsAsync(Tenant, s.Cursor, PageSize);
        foreach (var id in ids)
        {
            var image = GrainFactory.GetGrain<IImageGrain>(GrainKeys.For(Tenant, id));
            var current = await image.GetAsync();
            // Images already analysed by these models are left alone unless an operator asked for all.
            if (!s.Force && current?.Analysis is { Status: not AnalysisStatus.Pending, TextStatus: not AnalysisStatus.Pending } a
                && a.Model == models.EmbeddingModel && a.TextModel == models.OcrModel) continue;
            if (await image.ReanalyseAsync()) s.Dispatched++;
        }
        if (ids.Count > 0) s.Cursor = ids[^1];
        else (s.Running, s.FinishedDispatchAt, s.CompletedModel) = (false, clock.GetUtcNow(), s.Model);
        await store.WriteStateAsync();
        if (!s.Running) LogFinished(Tenant, s.Dispatched);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis job for tenant {Tenant} started ({Reason}) with {Model}")]
    private partial void LogStarted(string tenant, string reason, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis job for tenant {Tenant} dispatched {Count} images")]
    private partial void LogFinished(string tenant, long count);
}
