namespace ImageVault.Grains.Ports;

/// <summary>
/// Keyword, filter and facet search over images (embedded: Lucene.Net; cluster: Elasticsearch or
/// OpenSearch). Every call names its tenant and adapters apply that filter themselves, so no
/// caller can forget it. Writes carry the image grain's version: an older version never replaces a
/// newer one, whatever order retries arrive in.
/// </summary>
public interface IImageSearchIndex
{
    /// <summary>Writes the document unless the index holds the same or a newer version. Returns whether it was written.
    /// When the task completes the write is durable and visible to searches.</summary>
    Task<bool> UpsertAsync(ImageSearchDocument document, CancellationToken ct = default);

    /// <summary>Removes an image, leaving a tombstone at <paramref name="version"/> (the deletion's own version, newer
    /// than the last state's) so that a late retry of an older write cannot bring it back. Same rule as upserts.</summary>
    Task DeleteAsync(string tenant, string imageId, long version, CancellationToken ct = default);

    Task<ImageSearchResult> SearchAsync(string tenant, ImageSearchQuery query, CancellationToken ct = default);

    /// <summary>The <paramref name="k"/> live (not trashed) images of a tenant nearest to <paramref name="vector"/>
    /// by cosine similarity, nearest first. Approximate where the engine is (HNSW).</summary>
    Task<IReadOnlyList<SimilarHit>> SimilarAsync(string tenant, float[] vector, int k, CancellationToken ct = default);

    /// <summary>Ids of the images of a tenant in an album (for album deletion), in pages.</summary>
    Task<IReadOnlyList<string>> ImageIdsInAlbumAsync(string tenant, string albumId, int limit, CancellationToken ct = default);
}
