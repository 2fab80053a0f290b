using ImageVault.Grains.Abstractions;

namespace ImageVault.Silo.Api;

/// <summary>
/// The one place that decides which tenant a request acts for. Until sign-in exists every request
/// belongs to the default tenant; ids from the route are validated here too, so no endpoint can
/// build a key, path or query term from an unchecked id.
/// </summary>
public static class RequestTenant
{
    public static string Of(HttpContext _) => GrainKeys.DefaultTenant;

    public static bool TryKey(HttpContext http, string id, out string key)
    {
        key = GrainKeys.IsValidId(id) ? GrainKeys.For(Of(http), id) : "";
        return key.Length > 0;
    }
}
