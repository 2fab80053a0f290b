using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;

namespace ImageVault.Grains.Images;

/// <summary>
/// Deletes everything an image left outside its grain: thumbnails, analysis artefacts, original, index entry. Each step is
/// idempotent, so a purge interrupted anywhere can simply run again.
/// </summary>
public sealed class ImageArtefacts(IBlobStore blobs, IImageSearchIndex index)
{
    public async Task DeleteAllAsync(ImageState image, CancellationToken ct = default)
    {
        await foreach (var thumb in blobs.ListAsync(BlobKeys.ThumbnailPrefix(image.Tenant, image.Sha256), ct))
            await blobs.DeleteAsync(thumb.Key, ct);
        await foreach (var artefact in blobs.ListAsync(BlobKeys.AnalysisPrefix(image.Tenant, image.Sha256), ct))
            await blobs.DeleteAsync(artefact.Key, ct);
        await blobs.DeleteAsync(image.OriginalKey, ct);
        // The deletion is a newer event than the last state: its tombstone outranks every earlier write.
        await index.DeleteAsync(image.Tenant, image.Id, image.Version + 1, ct);
    }
}
