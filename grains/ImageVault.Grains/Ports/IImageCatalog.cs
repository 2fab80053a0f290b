namespace ImageVault.Grains.Ports;

/// <summary>
/// Enumerates the images that exist in a tenant, straight from grain storage: the source of truth
/// that a full re-index walks (the index itself is derived data).
/// </summary>
public interface IImageCatalog
{
    /// <summary>Image ids of <paramref name="tenant"/> after <paramref name="afterId"/> in id order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListImageIdsAsync(string tenant, string? afterId, int limit, CancellationToken ct = default);
}
