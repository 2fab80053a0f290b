using System.Text.RegularExpressions;

namespace ImageVault.Grains.Ports;

/// <summary>
/// The blob key layout, per tenant and content-addressed. Every key is built here from validated
/// parts, so no caller-supplied text can reach a path.
/// </summary>
public static partial class BlobKeys
{
    public const string TempPrefix = "tmp/";

    public static string Original(string tenant, string sha256) => Build($"t/{tenant}/originals/{sha256[..2]}/{sha256}");

    public static string Thumbnail(string tenant, string sha256, string name, string extension) =>
        Build($"t/{tenant}/thumbs/{sha256[..2]}/{sha256}/{name}.{extension}");

    public static string ThumbnailPrefix(string tenant, string sha256) => Build($"t/{tenant}/thumbs/{sha256[..2]}/{sha256}/");

    /// <summary>Analysis artefacts of one content and model (the model name reduced to key-safe characters).</summary>
    public static string Analysis(string tenant, string sha256, string model) =>
        Build($"{AnalysisPrefix(tenant, sha256)}{SafeName().Replace(model.ToLowerInvariant(), "-")}.json");

    public static string AnalysisPrefix(string tenant, string sha256) => Build($"t/{tenant}/analysis/{sha256[..2]}/{sha256}/");

    /// <summary>An upload in flight, under its tenant (so encryption at rest covers it too).</summary>
    public static string Temp(string tenant, string id) => Build($"{TempPrefix}{tenant}/{id}");

    /// <summary>The tenant of an original or a temporary upload key; null for any other key (thumbnails, artefacts, indexes).</summary>
    public static string? TenantOfOriginal(string key)
    {
        var parts = key.Split('/');
        return parts.Length >= 3 && ((parts[0] == "t" && parts[2] == "originals") || parts[0] == "tmp") ? parts[1] : null;
    }

    public static bool IsValid(string key) => KeyPattern().IsMatch(key) && !key.Contains("..") && !key.Contains("//");

    private static string Build(string key) => IsValid(key) ? key : throw new ArgumentException($"invalid blob key '{key}'");

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z0-9][a-z0-9._/-]{0,511}$")]
    private static partial Regex KeyPattern();
}
