using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    public async Task TrackAsync(string imageId)
    {
        if (store.State.Pending.ContainsKey(imageId)) return;
        store.State.Pending[imageId] = clock.GetUtcNow();
        await store.WriteStateAsync();
    }

    public async Task UntrackAsync(string imageId)
    {
        if (store.State.Pending.Remove(imageId)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> PendingAsync() => Task.FromResult<IReadOnlyList<string>>(store.State.Pending.Keys.ToArray());

    public async Task<int> SweepAsync(TimeSpan olderThan)
    {
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
