using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

/// <inheritdoc cref="ITenantGrain"/>
[GrainType("tenant")]
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Default)] IPersistentState<TenantState> store, TimeProvider clock) : Grain, ITenantGrain
{
    public const int MaxDisplayName = 200;
    private readonly Queue<DateTimeOffset> _recentUploads = new();
    private TenantState S => store.State;

    public async Task<TenantState?> CreateAsync(string displayName, TenantQuotas quotas)
    {
        if (S.Exists) return null;
        store.State = new TenantState
        {
            Id = this.GetPrimaryKeyString(), DisplayName = displayName.Trim()[..Math.Min(displayName.Trim().Length, MaxDisplayName)],
            Quotas = quotas, CreatedAt = clock.GetUtcNow(),
        };
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<ITenantRegistryGrain>(TenantRegistryGrain.Key).AddAsync(S.Id);
        return S;
    }

    public Task<TenantState?> GetAsync() => Task.FromResult(S.Exists ? S : null);

    public Task<TenantState?> SetSuspendedAsync(bool suspended) =>
        ChangeAsync(s => s.Status = s.Status == TenantStatus.Deleting ? s.Status : suspended ? TenantStatus.Suspended : TenantStatus.Active);

    public Task<TenantState?> SetQuotasAsync(TenantQuotas quotas) => ChangeAsync(s => s.Quotas = quotas);

    public Task<TenantState?> SetOidcAsync(OidcSettings? oidc) => ChangeAsync(s => s.Oidc = oidc);

    public async Task<bool> BeginDeleteAsync()
    {
        if (!S.Exists) return false;
        if (S.Status != TenantStatus.Deleting) await ChangeAsync(s => s.Status = TenantStatus.Deleting);
        await GrainFactory.GetGrain<ITenantEraserGrain>(S.Id).StartAsync();
        return true;
    }

    public async Task ForgetAsync()
    {
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<QuotaVerdict> AdmitUploadAsync(long bytes)
    {
        if (!S.Exists || S.Status != TenantStatus.Active) return Task.FromResult(new QuotaVerdict(QuotaBreach.Unavailable, TimeSpan.Zero, "the tenant is not active"));
        var q = S.Quotas;
        if (q.MaxImages > 0 && S.Images >= q.MaxImages)
            return Task.FromResult(new QuotaVerdict(QuotaBreach.Images, TimeSpan.Zero, $"the tenant holds its maximum of {q.MaxImages} images"));
        if (q.MaxBytes > 0 && S.Bytes + Math.Max(bytes, 0) > q.MaxBytes)
            return Task.FromResult(new QuotaVerdict(QuotaBreach.Bytes, TimeSpan.Zero, $"the tenant's storage quota of {q.MaxBytes} bytes would be exceeded"));
        var now = clock.GetUtcNow();
        while (_recentUploads.TryPeek(out var t) && now - t >= TimeSpan.FromMinutes(1)) _recentUploads.Dequeue();
        if (q.UploadsPerMinute > 0 && _recentUploads.Count >= q.UploadsPerMinute)
        {
            var wait = _recentUploads.Peek() + TimeSpan.FromMinutes(1) - now;
            return Task.FromResult(new QuotaVerdict(QuotaBreach.Rate, wait, $"at most {q.UploadsPerMinute} uploads per minute"));
        }
        _recentUploads.Enqueue(now);
        return Task.FromResult(QuotaVerdict.Admitted);
    }

    public async Task RecordUsageAsync(int images, long bytes)
    {
        if (!S.Exists) return;
        S.Images = Math.Max(0, S.Images + images);
        S.Bytes = Math.Max(0, S.Bytes + bytes);
        await store.WriteStateAsync();
    }

    public async Task<bool> ClaimUserNameAsync(string userName, string userId)
    {
        if (!S.Exists || !S.UserNames.TryAdd(userName, userId)) return false;
        await store.WriteStateAsync();
        return true;
    }

    public async Task ReleaseUserNameAsync(string userName)
    {
        if (!S.UserNames.Remove(userName)) return;
        foreach (var subject in S.ExternalSubjects.Where(e => !S.UserNames.ContainsValue(e.Value)).Select(e => e.Key).ToList()) S.ExternalSubjects.Remove(subject);
        await store.WriteStateAsync();
    }

    public Task<string?> FindUserAsync(string userName) => Task.FromResult(S.UserNames.GetValueOrDefault(userName));

    public Task<string?> FindExternalAsync(string subject) => Task.FromResult(S.ExternalSubjects.GetValueOrDefault(subject));

    public Task LinkExternalAsync(string subject, string userId) => ChangeAsync(s => s.ExternalSubjects[subject] = userId);

    public Task<IReadOnlyList<string>> ListUserIdsAsync() => Task.FromResult<IReadOnlyList<string>>(S.UserNames.Values.Order(StringComparer.Ordinal).ToList());

    public async Task<byte[]> GetOrCreateWrappedKeyAsync(byte[] candidate)
    {
        if (S.WrappedDataKey is { } existing) return existing;
        S.WrappedDataKey = candidate; // stored even before the tenant record exists: a key must never be handed out twice
        await store.WriteStateAsync();
        return candidate;
    }

    public Task AddShareLinkAsync(string linkId) => ChangeAsync(s => s.ShareLinks.Add(linkId));

    public Task<IReadOnlyList<string>> ListShareLinkIdsAsync() => Task.FromResult<IReadOnlyList<string>>(S.ShareLinks.ToList());

    private async Task<TenantState?> ChangeAsync(Action<TenantState> change)
    {
        if (!S.Exists) return null;
        change(S);
        await store.WriteStateAsync();
        return S;
    }
}

/// <inheritdoc cref="ITenantRegistryGrain"/>
[GrainType("tenant-registry")]
public sealed class TenantRegistryGrain(
    [PersistentState("tenants", StorageNames.Default)] IPersistentState<TenantRegistryGrain.Ids> store) : Grain, ITenantRegistryGrain
{
    public const string Key = "all";

    [GenerateSerializer, Alias("iv.TenantIds")]
    public sealed class Ids
    {
        [Id(0)] public SortedSet<string> Tenants { get; set; } = new(StringComparer.Ordinal);
    }

    public async Task<bool> AddAsync(string tenant)
    {
        if (!store.State.Tenants.Add(tenant)) return false;
        await store.WriteStateAsync();
        return true;
    }

    public async Task RemoveAsync(string tenant)
    {
        if (store.State.Tenants.Remove(tenant)) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(store.State.Tenants.ToList());
}
