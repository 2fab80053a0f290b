using ImageVault.Grains.Ports;

namespace ImageVault.Testing;

/// <summary>A blob store decorator for fault injection: the next N deletes (or writes to matching keys) fail, as if the process died there.</summary>
public sealed class FaultyBlobStore(IBlobStore inner) : IBlobStore
{
    private int _failDeletes, _failPuts;
    private Func<string, bool> _failPut = _ => false;

    public void FailNextDeletes(int count) => Interlocked.Exchange(ref _failDeletes, count);

    public void FailNextPutsWhere(Func<string, bool> matches, int count) => (_failPut, _failPuts) = (matches, count);

    public Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default) =>
        _failPut(key) && Interlocked.Decrement(ref _failPuts) >= 0
            ? throw new IOException("injected failure")
            : inner.PutAsync(key, content, contentType, ct);
    public Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default) => inner.OpenReadAsync(key, ct);
    public Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default) => inner.StatAsync(key, ct);
    public Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default) => inner.MoveAsync(fromKey, toKey, ct);
    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken ct = default) => inner.ListAsync(prefix, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        Interlocked.Decrement(ref _failDeletes) >= 0 ? throw new IOException("injected failure") : inner.DeleteAsync(key, ct);
}
