using System.Security.Cryptography;
using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="IShareLinkGrain"/>
[GrainType("share-link")]
public sealed class ShareLinkGrain(
    [PersistentState("link", StorageNames.Default)] IPersistentState<ShareLinkState> store, TimeProvider clock) : Grain, IShareLinkGrain
{
    /// <summary>Wrong passwords allowed per window before tries are refused until the oldest leaves the window.</summary>
    public const int MaxFailedTries = 5;
    public static readonly TimeSpan TryWindow = TimeSpan.FromMinutes(15);
    private const int MaxUnlocks = 50;

    private ShareLinkState S => store.State;

    public async Task<bool> CreateAsync(ShareLinkState link)
    {
        if (S.Exists) return false;
        store.State = link;
        await store.WriteStateAsync();
        return true;
    }

    public Task<ShareLinkState?> GetAsync() => Task.FromResult(S.Exists ? S : null);

    public Task<CredentialCheck> CheckAsync(byte[] secretHash)
    {
        if (!S.Exists || !CryptographicOperations.FixedTimeEquals(S.SecretHash, secretHash)) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Unknown));
        if (S.RevokedAt is not null) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Revoked));
        if (S.ExpiresAt is { } e && e <= clock.GetUtcNow()) return Task.FromResult(CredentialCheck.Fail(CredentialProblem.Expired));
        return Task.FromResult(new CredentialCheck(CredentialProblem.None, S.CreatedBy, Scope.Read));
    }

    public Task<(bool Admitted, TimeSpan RetryAfter)> AdmitPasswordTryAsync()
    {
        var now = clock.GetUtcNow();
        S.FailedTries.RemoveAll(t => now - t >= TryWindow);
        return Task.FromResult(S.FailedTries.Count < MaxFailedTries ? (true, TimeSpan.Zero) : (false, S.FailedTries.Min() + TryWindow - now));
    }

    public async Task RecordPasswordTryAsync(bool correct)
    {
        if (correct) return; // a correct password does not wipe the record: an attacker who guesses once still paid for the others
        S.FailedTries.Add(clock.GetUtcNow());
        await store.WriteStateAsync();
    }

    public async Task UnlockAsync(byte[] tokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        S.Unlocks.RemoveAll(u => u.ExpiresAt <= now);
        if (S.Unlocks.Count >= MaxUnlocks) S.Unlocks.RemoveAt(0);
        S.Unlocks.Add(new ShareUnlock(tokenHash, expiresAt));
        await store.WriteStateAsync();
    }

    public Task<bool> IsUnlockedAsync(byte[] tokenHash)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(S.Unlocks.Any(u => u.ExpiresAt > now && CryptographicOperations.FixedTimeEquals(u.TokenHash, tokenHash)));
    }

    public async Task<bool> RevokeAsync()
    {
        if (!S.Exists || S.RevokedAt is not null) return false;
        S.RevokedAt = clock.GetUtcNow();
        await store.WriteStateAsync();
        return true;
    }
}
