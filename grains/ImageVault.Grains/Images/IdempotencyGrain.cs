using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Images;

[GenerateSerializer, Alias("iv.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public IdempotentResponse? Response { get; set; }
}

/// <inheritdoc cref="IIdempotencyGrain"/>
[GrainType("idempotency")]
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Default)] IPersistentState<IdempotencyState> store,
    TimeProvider clock) : Grain, IIdempotencyGrain
{
    /// <summary>How long an answer is replayed; after that the key may be used afresh.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public Task<IdempotentResponse?> GetAsync() => Task.FromResult(Live());

    public async Task SaveAsync(IdempotentResponse response)
    {
        if (Live() is not null) return; // the first answer wins
        store.State.Response = response;
        await store.WriteStateAsync();
    }

    private IdempotentResponse? Live() =>
        store.State.Response is { } r && clock.GetUtcNow() - r.CreatedAt < Retention ? r : null;
}
