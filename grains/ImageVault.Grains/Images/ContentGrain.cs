using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Images;

[GenerateSerializer, Alias("iv.ContentState")]
public sealed class ContentState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public string? ImageId { get; set; }
    [Id(2)] public DateTimeOffset ClaimedAt { get; set; }
}

/// <inheritdoc cref="IContentGrain"/>
[GrainType("content")]
public sealed class ContentGrain(
    [PersistentState("content", StorageNames.Default)] IPersistentState<ContentState> store,
    TimeProvider clock) : Grain, IContentGrain
{
    public async Task<ContentClaim> ClaimAsync(string candidateImageId)
    {
        if (store.State.ImageId is { } owner) return new ContentClaim(owner, IsNew: owner == candidateImageId);
        await SetOwnerAsync(candidateImageId);
        return new ContentClaim(candidateImageId, IsNew: true);
    }

    public async Task<ContentClaim> ReassignAsync(string orphanImageId, string candidateImageId)
    {
        if (store.State.ImageId != orphanImageId) return await ClaimAsync(candidateImageId);
        await SetOwnerAsync(candidateImageId);
        return new ContentClaim(candidateImageId, IsNew: true);
    }

    public Task<string?> OwnerAsync() => Task.FromResult(store.State.ImageId);

    public async Task ReleaseAsync(string imageId)
    {
        if (store.State.ImageId == imageId) await store.ClearStateAsync();
    }

    private Task SetOwnerAsync(string imageId)
    {
        store.State.ImageId = imageId;
        store.State.ClaimedAt = clock.GetUtcNow();
        return store.WriteStateAsync();
    }
}
