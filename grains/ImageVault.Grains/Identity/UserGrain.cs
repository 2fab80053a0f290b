using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="IUserGrain"/>
[GrainType("user")]
public sealed class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> store, TimeProvider clock) : Grain, IUserGrain
{
    private UserState S => store.State;
    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    public async Task<UserState?> CreateAsync(NewUser user)
    {
        if (S.Exists) return null;
        store.State = new UserState
        {
            Id = GrainKeys.Split(this.GetPrimaryKeyString()).Id, UserName = user.UserName, DisplayName = user.DisplayName,
            Role = user.Role, PasswordHash = user.PasswordHash, ExternalSubject = user.ExternalSubject, CreatedAt = clock.GetUtcNow(),
        };
        await store.WriteStateAsync();
        return S;
    }

    public Task<UserState?> GetAsync() => Task.FromResult(S.Exists ? S : null);

    public async Task<UserState?> UpdateAsync(Role? role, bool? disabled, string? displayName)
    {
        if (!S.Exists) return null;
        S.Role = role ?? S.Role;
        S.Disabled = disabled ?? S.Disabled;
        S.DisplayName = displayName ?? S.DisplayName;
        await store.WriteStateAsync();
        return S;
    }

    public async Task<bool> SetPasswordHashAsync(string passwordHash)
    {
        if (!S.Exists) return false;
        S.PasswordHash = passwordHash;
        await store.WriteStateAsync();
        return true;
    }

    public async Task AddKeyAsync(string keyId)
    {
        if (!S.Exists) return;
        S.KeyIds.Add(keyId);
        await store.WriteStateAsync();
    }

    /// <summary>Revokes the user's keys, then forgets the user; sessions die with it (they check the user on every request).</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync()
    {
        if (!S.Exists) return [];
        var keys = S.KeyIds.ToList();
        foreach (var key in keys) await GrainFactory.GetGrain<IApiKeyGrain>(GrainKeys.For(Tenant, key)).RevokeAsync();
        await store.ClearStateAsync();
        DeactivateOnIdle();
        return keys;
    }
}
