using ImageVault.Grains.Abstractions;
using ImageVault.Silo.Security;

namespace ImageVault.Silo.Api;

/// <summary>
/// The one place that says which tenant a request acts for: the signed-in caller's (an operator names
/// it in a header). Ids from the route are validated here too, so no endpoint can build a key, path
/// or query term from an unchecked id — and a key built here can only ever point into the caller's
/// own tenant, which is why another tenant's resources answer 404.
/// </summary>
public static class RequestTenant
{
    public static string Of(HttpContext http) =>
        CallerContext.Of(http).Tenant is { Length: > 0 } tenant ? tenant : throw new InvalidOperationException("a tenant route ran without a caller");

    public static bool TryKey(HttpContext http, string id, out string key)
    {
        key = GrainKeys.IsValidId(id) ? GrainKeys.For(Of(http), id) : "";
        return key.Length > 0;
    }
}
