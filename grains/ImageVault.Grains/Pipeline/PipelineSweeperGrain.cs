using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace ImageVault.Grains.Pipeline;

[GenerateSerializer, Alias("iv.SweeperState")]
public sealed class SweeperState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public Dictionary<string, DateTimeOffset> Pending { get; set; } = [];
}

/// <inheritdoc cref="IPipelineSweeperGrain"/>
[GrainType("sweeper")]
public sealed partial class PipelineSweeperGrain(
    [PersistentState("sweeper", StorageNames.Default)] IPersistentState<SweeperState> store,
    IOptions<PipelineOptions> options, TimeProvider clock, ILogger<PipelineSweeperGrain> log) : Grain, IPipelineSweeperGrain, IRemindable
{
    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    public Task TrackAsync(string imageId) => UpdateAsync(pending => pending.TryAdd(imageId, clock.GetUtcNow()));

    public Task UntrackAsync(string imageId) => UpdateAsync(pending => pending.Remove(imageId));

    public async Task<bool> UntrackMissingAsync(string imageId, TimeSpan grace)
    {
        await store.ReadStateAsync(); // judge the entry's age by what is stored, not by a stale activation
        var removed = false;
        await UpdateAsync(pending => removed = pending.TryGetValue(imageId, out var since) && since <= clock.GetUtcNow() - grace && pending.Remove(imageId));
        return removed;
    }

    public async Task<IReadOnlyList<string>> PendingAsync()
    {
        await store.ReadStateAsync(); // the stored set is the truth, even if another activation wrote it
        return store.State.Pending.Keys.ToArray();
    }

    /// <summary>
    /// Applies an idempotent change to the pending set and stores it. If another activation of this
    /// shard wrote meanwhile (possible while a dead silo is being declared dead), re-read and re-apply:
    /// a stale in-memory set would otherwise hide images from every sweep.
    /// </summary>
    private async Task UpdateAsync(Func<Dictionary<string, DateTimeOffset>, bool> change)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!change(store.State.Pending)) return;
            try
            {
                await store.WriteStateAsync();
                return;
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                await store.ReadStateAsync();
            }
        }
    }

    public async Task<int> SweepAsync(TimeSpan olderThan)
    {
        await store.ReadStateAsync();
        var cutoff = clock.GetUtcNow() - olderThan;
        var due = store.State.Pending.Where(p => p.Value <= cutoff).Select(p => p.Key).ToArray();
        foreach (var imageId in due)
        {
            try { await GrainFactory.GetGrain<IImageGrain>(GrainKeys.For(Tenant, imageId)).ResumeAsync(); }
            catch (Exception e) when (e is not OutOfMemoryException) { LogResumeFailed(imageId, e); }
        }
        if (due.Length > 0) LogSwept(this.GetPrimaryKeyString(), due.Length);
        return due.Length;
    }

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder("sweep", options.Value.SweepPeriod, options.Value.SweepPeriod);
        // After a restart everything still tracked was interrupted: re-drive it now, not in two minutes.
        await SweepAsync(TimeSpan.Zero);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => SweepAsync(options.Value.StuckAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeper could not resume image {ImageId}")]
    private partial void LogResumeFailed(string imageId, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweeper {Shard} re-drove {Count} images")]
    private partial void LogSwept(string shard, int count);
}
