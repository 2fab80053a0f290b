using System.Runtime.CompilerServices;
using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>The tenant: status, quotas and usage (tenant admins).</summary>
    public Task<TenantDto> GetTenantAsync(CancellationToken ct = default) => GetAsync<TenantDto>("api/v1/tenant", ct);

    /// <summary>The tenant's users (tenant admins).</summary>
    public Task<List<UserDto>> ListUsersAsync(CancellationToken ct = default) => GetAsync<List<UserDto>>("api/v1/tenant/users", ct);

    /// <summary>Creates a user with a role: viewer, editor or tenantAdmin (tenant admins).</summary>
    public Task<UserDto> CreateUserAsync(NewUserDto user, CancellationToken ct = default) => SendJsonAsync<UserDto>(HttpMethod.Post, "api/v1/tenant/users", user, ct);

    /// <summary>Changes a user's role, password, display name, or disables them (tenant admins).</summary>
    public Task<UserDto> UpdateUserAsync(string id, UserPatchDto patch, CancellationToken ct = default) =>
        SendJsonAsync<UserDto>(HttpMethod.Patch, $"api/v1/tenant/users/{Id(id)}", patch, ct);

    /// <summary>Deletes a user and revokes their keys (tenant admins).</summary>
    public Task DeleteUserAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/tenant/users/{Id(id)}", null, ct);

    /// <summary>The tenant's audit log, newest first, fetching pages as you enumerate (tenant admins).</summary>
    public async IAsyncEnumerable<AuditEntryDto> AuditAsync(string? action = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        long? before = null;
        do
        {
            var query = $"api/v1/tenant/audit?limit=200{(action is null ? "" : $"&action={Uri.EscapeDataString(action)}")}{(before is null ? "" : $"&before={before}")}";
            var page = await GetAsync<AuditPageDto>(query, ct).ConfigureAwait(false);
            foreach (var entry in page.Items) yield return entry;
            before = page.NextBefore;
        } while (before is not null);
    }

    /// <summary>Rebuilds the tenant's search index from stored state (tenant admins).</summary>
    public Task<ReindexResultDto> ReindexAsync(CancellationToken ct = default) => SendJsonAsync<ReindexResultDto>(HttpMethod.Post, "api/v1/admin/reindex", null, ct);

    /// <summary>Starts re-analysis of every image of the tenant (tenant admins).</summary>
    public Task<AnalysisJobDto> StartAnalysisAsync(CancellationToken ct = default) => SendJsonAsync<AnalysisJobDto>(HttpMethod.Post, "api/v1/admin/analysis", null, ct);

    /// <summary>The analysis job and image counts per analysis state (tenant admins).</summary>
    public Task<AnalysisJobDto> GetAnalysisAsync(CancellationToken ct = default) => GetAsync<AnalysisJobDto>("api/v1/admin/analysis", ct);

    /// <summary>Every tenant of the installation (operator).</summary>
    public Task<List<TenantDto>> ListTenantsAsync(CancellationToken ct = default) => GetAsync<List<TenantDto>>("api/v1/system/tenants", ct);

    /// <summary>Creates a tenant, optionally with its first admin (operator).</summary>
    public Task<TenantDto> CreateTenantAsync(NewTenantDto tenant, CancellationToken ct = default) => SendJsonAsync<TenantDto>(HttpMethod.Post, "api/v1/system/tenants", tenant, ct);

    /// <summary>Changes a tenant's quotas or suspends it (operator).</summary>
    public Task<TenantDto> UpdateTenantAsync(string tenant, TenantPatchDto patch, CancellationToken ct = default) =>
        SendJsonAsync<TenantDto>(HttpMethod.Patch, $"api/v1/system/tenants/{Id(tenant)}", patch, ct);

    /// <summary>Deletes a tenant with all its data; the erasure runs in the background (operator).</summary>
    public Task DeleteTenantAsync(string tenant, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/system/tenants/{Id(tenant)}", null, ct);
}
