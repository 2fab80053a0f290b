using System.Runtime.CompilerServices;
using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>
/// Encryption at rest for originals (and uploads in flight), in front of any blob store: the inner
/// store only ever sees <see cref="SegmentedAesGcm"/> ciphertext under the tenant's own data key.
/// Thumbnails and analysis artefacts are derived data and stay as they are. Lengths are reported as
/// plaintext lengths; encrypted originals are not seekable, so they are served without ranges.
/// </summary>
public sealed class EncryptedBlobStore(IBlobStore inner, ITenantKeyRing keys) : IBlobStore
{
    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        if (BlobKeys.TenantOfOriginal(key) is not { } tenant) return await inner.PutAsync(key, content, contentType, ct);
        await using var sealedStream = SegmentedAesGcm.Encrypt(content, await keys.DataKeyAsync(tenant, ct), tenant);
        return Plain(await inner.PutAsync(key, sealedStream, contentType, ct));
    }

    public async Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var handle = await inner.OpenReadAsync(key, ct);
        if (handle is null || BlobKeys.TenantOfOriginal(key) is not { } tenant) return handle;
        return new BlobReadHandle(Plain(handle.Info), SegmentedAesGcm.Decrypt(handle.Stream, await keys.DataKeyAsync(tenant, ct), tenant));
    }

    public async Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default)
    {
        var info = await inner.StatAsync(key, ct);
        return info is not null && BlobKeys.TenantOfOriginal(key) is not null ? Plain(info) : info;
    }

    /// <summary>A rename within one tenant keeps the ciphertext valid: the associated data names the tenant, not the key.</summary>
    public Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default)
    {
        if (BlobKeys.TenantOfOriginal(fromKey) != BlobKeys.TenantOfOriginal(toKey))
            throw new InvalidOperationException($"moving '{fromKey}' to '{toKey}' would cross the encryption boundary");
        return inner.MoveAsync(fromKey, toKey, ct);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var info in inner.ListAsync(prefix, ct)) yield return BlobKeys.TenantOfOriginal(info.Key) is null ? info : Plain(info);
    }

    private static BlobInfo Plain(BlobInfo stored) => stored with { Length = SegmentedAesGcm.PlainLength(stored.Length) };

}
