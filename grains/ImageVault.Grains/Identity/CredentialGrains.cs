using System.Security.Cryptography;
using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="IApiKeyGrain"/>
[GrainType("api-key")]
public sealed class ApiKeyGrain(
    [PersistentState("key", StorageNames.Default)] IPersistentState<ApiKeyState> store, TimeProvider clock) : Grain, IApiKeyGrain
{
    // Last use is kept for the key list; written at most this often so a busy key does not write per request.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);

    public async Task<bool> CreateAsync(ApiKeyState key)
    {
        if (store.State.Exists) return false;
        store.State = key;
        await store.WriteStateAsync();
        return true;
    }

    public Task<ApiKeyState?> GetAsync() => Task.FromResult(store.State.Exists ? store.State : null);

    public async Task<CredentialCheck> CheckAsync(byte[] secretHash)
    {
        var k = store.State;
        if (!k.Exists || !CryptographicOperations.FixedTimeEquals(k.SecretHash, secretHash)) return CredentialCheck.Fail(CredentialProblem.Unknown);
        if (k.RevokedAt is not null) return CredentialCheck.Fail(CredentialProblem.Revoked);
        var now = clock.GetUtcNow();
        if (k.ExpiresAt is { } expiry && expiry <= now) return CredentialCheck.Fail(CredentialProblem.Expired);
        if (k.LastUsedAt is null || now - k.LastUsedAt > LastUseResolution)
        {
            k.LastUsedAt = now;
            await store.WriteStateAsync();
        }
        return new CredentialCheck(CredentialProblem.None, k.UserId, k.Scopes);
    }

    public async Task<bool> RevokeAsync()
    {
        if (!store.State.Exists || store.State.RevokedAt is not null) return false;
        store.State.RevokedAt = clock.GetUtcNow();
        await store.WriteStateAsync();
        return true;
    }
}

/// <inheritdoc cref="ISessionGrain"/>
[GrainType("session")]
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Default)] IPersistentState<SessionState> store, TimeProvider clock) : Grain, ISessionGrain
{
    public async Task CreateAsync(string userId, byte[] secretHash, DateTimeOffset expiresAt, string method)
    {
        store.State = new SessionState { UserId = userId, SecretHash = secretHash, ExpiresAt = expiresAt, Method = method };
        await store.WriteStateAsync();
    }

    public Task<CredentialCheck> CheckAsync(byte[] secretHash)
    {
        var s = store.State;
        if (s.UserId.Length == 0 || !CryptographicOperations.FixedTimeEquals(s.SecretHash, secretHash)) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Unknown));
        if (s.Ended) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Revoked));
        if (s.ExpiresAt <= clock.GetUtcNow()) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Expired));
        return Task.FromResult(new CredentialCheck(CredentialProblem.None, s.UserId, Scope.All));
    }

    public async Task EndAsync()
    {
        if (store.State.UserId.Length == 0) return;
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }
}
