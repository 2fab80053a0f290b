using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>Moves many images to the trash.</summary>
    public Task<BulkResultDto> BulkTrashAsync(IReadOnlyList<string> imageIds, CancellationToken ct = default) =>
        SendJsonAsync<BulkResultDto>(HttpMethod.Post, "api/v1/images/bulk/trash", new BulkImageIdsDto(imageIds), ct);

    /// <summary>Brings many images back from the trash.</summary>
    public Task<BulkResultDto> BulkRestoreAsync(IReadOnlyList<string> imageIds, CancellationToken ct = default) =>
        SendJsonAsync<BulkResultDto>(HttpMethod.Post, "api/v1/images/bulk/restore", new BulkImageIdsDto(imageIds), ct);

    /// <summary>Deletes many trashed images for good.</summary>
    public Task<BulkResultDto> BulkPurgeAsync(IReadOnlyList<string> imageIds, CancellationToken ct = default) =>
        SendJsonAsync<BulkResultDto>(HttpMethod.Post, "api/v1/images/bulk/purge", new BulkImageIdsDto(imageIds), ct);

    /// <summary>How alike two images are: embedding cosine and distance, and structural similarity.</summary>
    public Task<ComparisonDto> CompareAsync(string a, string b, CancellationToken ct = default) =>
        GetAsync<ComparisonDto>($"api/v1/images/compare?a={Id(a)}&b={Id(b)}", ct);

    /// <summary>Tags suggested from similar images.</summary>
    public Task<TagSuggestionsDto> GetSuggestedTagsAsync(string id, CancellationToken ct = default) => GetAsync<TagSuggestionsDto>($"api/v1/images/{Id(id)}/suggested-tags", ct);

    /// <summary>Accepts suggested tags (they become tags) and rejects others (never suggested again).</summary>
    public Task<ImageDto> DecideSuggestedTagsAsync(string id, IReadOnlyList<string>? accept, IReadOnlyList<string>? reject = null, CancellationToken ct = default) =>
        SendJsonAsync<ImageDto>(HttpMethod.Post, $"api/v1/images/{Id(id)}/suggested-tags", new SuggestionDecisionDto(accept, reject), ct);

    /// <summary>Puts a tag on every image at least <paramref name="minSimilarity"/> alike to this one.</summary>
    public Task<TagSimilarResultDto> TagSimilarAsync(string id, string tag, double minSimilarity = 0.8, int limit = 100, CancellationToken ct = default) =>
        SendJsonAsync<TagSimilarResultDto>(HttpMethod.Post, $"api/v1/images/{Id(id)}/similar/tags", new TagSimilarDto(tag, minSimilarity, limit), ct);

    /// <summary>Grants a user a role on one album (<c>editor</c>, <c>viewer</c>, or <c>none</c> to remove it).</summary>
    public Task SetAlbumGrantAsync(string albumId, string userId, string role, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/albums/{Id(albumId)}/grants", new AlbumGrantDto(userId, role), ct);

    /// <summary>Changes the signed-in user's password.</summary>
    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, "api/v1/me/password", new PasswordChangeDto(currentPassword, newPassword), ct);

    /// <summary>Sets (or, with null, removes) the tenant's OpenID Connect provider (tenant admins).</summary>
    public Task<TenantDto> SetOidcAsync(OidcSettingsDto? settings, CancellationToken ct = default) =>
        SendJsonAsync<TenantDto>(HttpMethod.Put, "api/v1/tenant/oidc", settings ?? new OidcSettingsDto(null, null, null, null, null), ct);

    /// <summary>One user of the tenant (tenant admins).</summary>
    public Task<UserDto> GetUserAsync(string id, CancellationToken ct = default) => GetAsync<UserDto>($"api/v1/tenant/users/{Id(id)}", ct);

    /// <summary>Unlocks a password-protected share link; send the answer's token as <c>X-ImageVault-Share-Unlock</c>.</summary>
    public Task<ShareUnlockedDto> UnlockShareAsync(string token, string password, CancellationToken ct = default) =>
        SendJsonAsync<ShareUnlockedDto>(HttpMethod.Post, $"api/v1/shared/{Id(token)}/unlock", new ShareUnlockDto(password), ct);

    /// <summary>Images with unfinished pipeline work (tenant admins).</summary>
    public Task<PipelineBacklogDto> GetPipelineAsync(CancellationToken ct = default) => GetAsync<PipelineBacklogDto>("api/v1/admin/pipeline", ct);

    /// <summary>Re-drives every image with unfinished work now (tenant admins).</summary>
    public Task SweepAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "api/v1/admin/sweep", null, ct);

    /// <summary>One tenant (operator).</summary>
    public Task<TenantDto> GetTenantByIdAsync(string tenant, CancellationToken ct = default) => GetAsync<TenantDto>($"api/v1/system/tenants/{Id(tenant)}", ct);

    /// <summary>The installation's audit log, or one tenant's (operator).</summary>
    public Task<AuditPageDto> GetSystemAuditAsync(string? tenant = null, long? before = null, CancellationToken ct = default) =>
        GetAsync<AuditPageDto>($"api/v1/system/audit?limit=200{(tenant is null ? "" : $"&tenant={Id(tenant)}")}{(before is null ? "" : $"&before={before}")}", ct);
}
