using ImageVault.Grains.Ports;

namespace ImageVault.Testing;

/// <summary>A blob store decorator for fault injection: the next N deletes fail, as if the process died there.</summary>
public sealed class FaultyBlobStore(IBlobStore inner) : IBlobStore
{
    private int _failDeletes;

    public void FailNextDeletes(int count) => Interlocked.Exchange(ref _failDeletes, count);

    public Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default) => inner.PutAsync(key, content, contentType, ct);
    public Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default) => inner.OpenReadAsync(key, ct);
    public Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default) => inner.StatAsync(key, ct);
    public Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default) => inner.MoveAsync(fromKey, toKey, ct);
    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken ct = default) => inner.ListAsync(prefix, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        Interlocked.Decrement(ref _failDeletes) >= 0 ? throw new IOException("injected failure") : inner.DeleteAsync(key, ct);
}
