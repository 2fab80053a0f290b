using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Api.Tests.Security;

/// <summary>
/// The expected permission of every route, written out here independently of the code's own
/// declarations: the generated test fails for a route missing from this table, so a new route is
/// always classified on purpose, and for any route whose behaviour differs from it.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, Permission> Expected = new Dictionary<string, Permission>
    {
        // The web UI's pages: the same index.html for everyone; what they show comes from the API, under its rules.
        ["GET /"] = Permission.Public,
        ["GET /sign-in"] = Permission.Public,
        ["GET /images/{id}"] = Permission.Public,
        ["GET /albums"] = Permission.Public,
        ["GET /albums/{id}"] = Permission.Public,
        ["GET /search"] = Permission.Public,
        ["GET /duplicates"] = Permission.Public,
        ["GET /admin"] = Permission.Public,
        ["GET /s/{token}"] = Permission.Public,
        ["GET /healthz"] = Permission.Public,
        ["GET /openapi/{documentName}.json"] = Permission.Public,
        ["GET /readyz"] = Permission.Public,
        ["POST /api/v1/auth/sign-in"] = Permission.Public,
        ["GET /api/v1/auth/oidc/{tenant}/start"] = Permission.Public,
        ["GET /api/v1/auth/oidc/{tenant}/callback"] = Permission.Public,
        ["GET /api/v1/shared/{token}"] = Permission.Public,
        ["POST /api/v1/shared/{token}/unlock"] = Permission.Public,
        ["GET /api/v1/shared/{token}/images/{id}"] = Permission.Public,
        ["GET /api/v1/shared/{token}/images/{id}/thumbnails/{size}"] = Permission.Public,
        ["GET /api/v1/shared/{token}/images/{id}/original"] = Permission.Public,
        ["GET /api/v1/shared/{token}/search"] = Permission.Public,
        ["POST /api/v1/shared/{token}/images"] = Permission.Public,

        ["POST /api/v1/auth/sign-out"] = Permission.SignedIn,
        ["GET /api/v1/me"] = Permission.SignedIn,
        ["POST /api/v1/me/password"] = Permission.SignedIn,
        ["GET /api/v1/me/keys"] = Permission.SignedIn,
        ["POST /api/v1/me/keys"] = Permission.SignedIn,
        ["DELETE /api/v1/me/keys/{id}"] = Permission.SignedIn,

        ["GET /api/v1/images/{id}"] = Permission.Read,
        ["GET /api/v1/images/{id}/original"] = Permission.Read,
        ["GET /api/v1/images/{id}/thumbnails/{size}"] = Permission.Read,
        ["GET /api/v1/images/{id}/similar"] = Permission.Read,
        ["GET /api/v1/images/compare"] = Permission.Read,
        ["GET /api/v1/images/{id}/text"] = Permission.Read,
        ["GET /api/v1/images/{id}/suggested-tags"] = Permission.Read,
        ["GET /api/v1/albums"] = Permission.Read,
        ["POST /api/v1/images/lookup"] = Permission.Read,
        ["GET /api/v1/albums/{id}"] = Permission.Read,
        ["GET /api/v1/search"] = Permission.Read,
        ["POST /api/v1/search/similar"] = Permission.Read,
        ["GET /api/v1/duplicates"] = Permission.Read,

        ["POST /api/v1/images"] = Permission.Upload,
        ["POST /api/v1/imports/zip"] = Permission.Upload,
        ["GET /api/v1/albums/{id}/export.zip"] = Permission.Read,

        ["PATCH /api/v1/images/{id}"] = Permission.Edit,
        ["POST /api/v1/images/{id}/tags"] = Permission.Edit,
        ["POST /api/v1/images/{id}/comments"] = Permission.Edit,
        ["DELETE /api/v1/images/{id}"] = Permission.Edit,
        ["POST /api/v1/images/{id}/restore"] = Permission.Edit,
        ["POST /api/v1/images/{id}/purge"] = Permission.Edit,
        ["POST /api/v1/images/bulk/tags"] = Permission.Edit,
        ["POST /api/v1/images/bulk/trash"] = Permission.Edit,
        ["POST /api/v1/images/bulk/restore"] = Permission.Edit,
        ["POST /api/v1/images/bulk/purge"] = Permission.Edit,
        ["POST /api/v1/images/{id}/suggested-tags"] = Permission.Edit,
        ["POST /api/v1/images/{id}/similar/tags"] = Permission.Edit,
        ["POST /api/v1/albums"] = Permission.Edit,
        ["PATCH /api/v1/albums/{id}"] = Permission.Edit,
        ["DELETE /api/v1/albums/{id}"] = Permission.Edit,
        ["POST /api/v1/albums/{id}/images"] = Permission.Edit,
        ["POST /api/v1/duplicates/{groupId}/resolve"] = Permission.Edit,

        ["POST /api/v1/shares"] = Permission.Share,
        ["GET /api/v1/shares"] = Permission.Share,
        ["DELETE /api/v1/shares/{id}"] = Permission.Share,
        ["PUT /api/v1/albums/{id}/grants"] = Permission.Share,

        ["GET /api/v1/tenant"] = Permission.TenantAdmin,
        ["PUT /api/v1/tenant/oidc"] = Permission.TenantAdmin,
        ["GET /api/v1/tenant/users"] = Permission.TenantAdmin,
        ["POST /api/v1/tenant/users"] = Permission.TenantAdmin,
        ["GET /api/v1/tenant/users/{id}"] = Permission.TenantAdmin,
        ["PATCH /api/v1/tenant/users/{id}"] = Permission.TenantAdmin,
        ["DELETE /api/v1/tenant/users/{id}"] = Permission.TenantAdmin,
        ["GET /api/v1/tenant/audit"] = Permission.TenantAdmin,
        ["POST /api/v1/admin/reindex"] = Permission.TenantAdmin,
        ["GET /api/v1/admin/pipeline"] = Permission.TenantAdmin,
        ["POST /api/v1/admin/analysis"] = Permission.TenantAdmin,
        ["GET /api/v1/admin/analysis"] = Permission.TenantAdmin,
        ["POST /api/v1/admin/sweep"] = Permission.TenantAdmin,

        ["GET /api/v1/system/tenants"] = Permission.SystemAdmin,
        ["POST /api/v1/system/tenants"] = Permission.SystemAdmin,
        ["GET /api/v1/system/tenants/{tenant}"] = Permission.SystemAdmin,
        ["PATCH /api/v1/system/tenants/{tenant}"] = Permission.SystemAdmin,
        ["DELETE /api/v1/system/tenants/{tenant}"] = Permission.SystemAdmin,
        ["GET /api/v1/system/audit"] = Permission.SystemAdmin,
        ["GET /metrics"] = Permission.SystemAdmin,
    };

    /// <summary>The Orleans dashboard's own routes (many, owned by the package) are all for the operator.</summary>
    public static Permission? For(string method, string pattern) =>
        Expected.TryGetValue($"{method} {pattern}", out var p) ? p : pattern.StartsWith("/admin/dashboard", StringComparison.Ordinal) ? Permission.SystemAdmin : null;
}
