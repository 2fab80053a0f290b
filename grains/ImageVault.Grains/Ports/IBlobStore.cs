namespace ImageVault.Grains.Ports;

/// <summary>
/// Durable binary storage (originals, thumbnails, artefacts). Keys are slash-separated and validated
/// by <see cref="BlobKeys"/>; adapters: a content-addressed folder (embedded), S3 (cluster).
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under <paramref name="key"/> atomically: readers see all of it or nothing.</summary>
    Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default);

    /// <summary>Opens a blob for reading; null when it does not exist. The stream is seekable where the store allows it.</summary>
    Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default);

    Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default);

    /// <summary>Renames a blob; replaces the target if it exists (same content by construction).</summary>
    Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default);

    /// <summary>Deletes a blob; deleting a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Lists blobs whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken ct = default);
}

public sealed record BlobInfo(string Key, long Length, string ContentType, DateTimeOffset LastModified);

public sealed class BlobReadHandle(BlobInfo info, Stream stream) : IAsyncDisposable, IDisposable
{
    public BlobInfo Info { get; } = info;
    public Stream Stream { get; } = stream;
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
    public void Dispose() => Stream.Dispose();
}
