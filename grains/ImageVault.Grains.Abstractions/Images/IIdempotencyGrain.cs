namespace ImageVault.Grains.Abstractions.Images;

/// <summary>
/// Remembers the answer to a request made with an <c>Idempotency-Key</c> (key <c>"{tenant}/{hash of key}"</c>)
/// so that a retry gets the same answer instead of doing the work twice.
/// </summary>
[Alias("iv.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<IdempotentResponse?> GetAsync();
    [Alias("Save")] Task SaveAsync(IdempotentResponse response);
}

/// <summary>The stored answer; <see cref="RequestFingerprint"/> detects a key reused for a different request.</summary>
[GenerateSerializer, Alias("iv.IdempotentResponse")]
public sealed record IdempotentResponse(
    [property: Id(0)] string RequestFingerprint, [property: Id(1)] int StatusCode, [property: Id(2)] string BodyJson,
    [property: Id(3)] DateTimeOffset CreatedAt);
