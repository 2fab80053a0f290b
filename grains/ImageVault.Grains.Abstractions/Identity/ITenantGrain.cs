namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>
/// One tenant (key: the tenant id): its status, quotas and usage, its OpenID Connect provider, and its
/// user directory (user name and external subject → user id). Usage is counted here, so quotas hold
/// across all silos.
/// </summary>
[Alias("iv.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<TenantState?> CreateAsync(string displayName, TenantQuotas quotas);
    [Alias("Get")] Task<TenantState?> GetAsync();
    [Alias("SetSuspended")] Task<TenantState?> SetSuspendedAsync(bool suspended);
    [Alias("SetQuotas")] Task<TenantState?> SetQuotasAsync(TenantQuotas quotas);
    [Alias("SetOidc")] Task<TenantState?> SetOidcAsync(OidcSettings? oidc);

    /// <summary>Marks the tenant deleted for every caller at once; the eraser grain removes the data.</summary>
    [Alias("BeginDelete")] Task<bool> BeginDeleteAsync();
    [Alias("Forget")] Task ForgetAsync();

    /// <summary>Admits one upload of about <paramref name="bytes"/> or says which quota it would break.</summary>
    [Alias("AdmitUpload")] Task<QuotaVerdict> AdmitUploadAsync(long bytes);

    /// <summary>Counts stored images in or out (negative on purge). Interleaves: image grains call it while the tenant grain may be waiting on them.</summary>
    [Alias("RecordUsage"), Orleans.Concurrency.AlwaysInterleave] Task RecordUsageAsync(int images, long bytes);

    [Alias("ClaimUserName")] Task<bool> ClaimUserNameAsync(string userName, string userId);
    [Alias("ReleaseUserName")] Task ReleaseUserNameAsync(string userName);
    [Alias("FindUser")] Task<string?> FindUserAsync(string userName);
    [Alias("FindExternal")] Task<string?> FindExternalAsync(string subject);
    [Alias("LinkExternal")] Task LinkExternalAsync(string subject, string userId);
    [Alias("ListUsers")] Task<IReadOnlyList<string>> ListUserIdsAsync();
    /// <summary>The tenant's wrapped data key; <paramref name="candidate"/> becomes it when there is none yet (one activation decides, so silos never disagree).</summary>
    [Alias("DataKey")] Task<byte[]> GetOrCreateWrappedKeyAsync(byte[] candidate);
    [Alias("AddShareLink")] Task AddShareLinkAsync(string linkId);
    [Alias("ListShareLinks")] Task<IReadOnlyList<string>> ListShareLinkIdsAsync();
}

public enum TenantStatus { Active = 0, Suspended = 1, Deleting = 2 }

/// <summary>Limits per tenant; 0 means unlimited.</summary>
[GenerateSerializer, Alias("iv.TenantQuotas")]
public sealed record TenantQuotas([property: Id(0)] long MaxImages, [property: Id(1)] long MaxBytes, [property: Id(2)] int UploadsPerMinute)
{
    public static readonly TenantQuotas Unlimited = new(0, 0, 0);
}

/// <summary>The tenant's external OpenID Connect provider; the client secret is write-only through the API.</summary>
[GenerateSerializer, Alias("iv.OidcSettings")]
public sealed record OidcSettings(
    [property: Id(0)] string Authority, [property: Id(1)] string ClientId, [property: Id(2)] string? ClientSecret,
    [property: Id(3)] Role DefaultRole, [property: Id(4)] bool RequireHttpsMetadata);

[GenerateSerializer, Alias("iv.TenantState")]
public sealed class TenantState
{
    [Id(0)] public int SchemaVersion { get; set; } = 1;
    [Id(1)] public string Id { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public TenantStatus Status { get; set; }
    [Id(4)] public TenantQuotas Quotas { get; set; } = TenantQuotas.Unlimited;
    [Id(5)] public long Images { get; set; }
    [Id(6)] public long Bytes { get; set; }
    [Id(7)] public OidcSettings? Oidc { get; set; }
    [Id(8)] public Dictionary<string, string> UserNames { get; set; } = [];
    [Id(9)] public Dictionary<string, string> ExternalSubjects { get; set; } = [];
    [Id(10)] public List<string> ShareLinks { get; set; } = [];
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The data key for encryption at rest, wrapped by the master key (AES-GCM); null until first needed.</summary>
    [Id(12)] public byte[]? WrappedDataKey { get; set; }

    public bool Exists => Id.Length > 0;
}

public enum QuotaBreach { None = 0, Images, Bytes, Rate, Unavailable }

[GenerateSerializer, Alias("iv.QuotaVerdict")]
public sealed record QuotaVerdict([property: Id(0)] QuotaBreach Breach, [property: Id(1)] TimeSpan RetryAfter, [property: Id(2)] string Detail)
{
    public static readonly QuotaVerdict Admitted = new(QuotaBreach.None, TimeSpan.Zero, "");
}

/// <summary>Every tenant id (key <c>"all"</c>), for the operator's list and for resuming erasures at start-up.</summary>
[Alias("iv.ITenantRegistryGrain")]
public interface ITenantRegistryGrain : IGrainWithStringKey
{
    [Alias("Add")] Task<bool> AddAsync(string tenant);
    [Alias("Remove")] Task RemoveAsync(string tenant);
    [Alias("List")] Task<IReadOnlyList<string>> ListAsync();
}

/// <summary>Erases a deleted tenant's data — images, albums, users, credentials, blobs, index — in the background (key: tenant id).</summary>
[Alias("iv.ITenantEraserGrain")]
public interface ITenantEraserGrain : IGrainWithStringKey
{
    [Alias("Start")] Task StartAsync();
    [Alias("Done")] Task<bool> IsDoneAsync();
}
