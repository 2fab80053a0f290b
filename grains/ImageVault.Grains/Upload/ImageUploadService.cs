using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Telemetry;
using ImageVault.Imaging.Formats;
using ImageVault.Imaging.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageVault.Grains.Upload;

/// <summary>
/// The upload path of DESIGN §4: stream to a temporary blob while hashing, sniff and check the
/// header, let the content grain decide duplicates, move to the content-addressed key, register.
/// When it answers "created", the original is durable, its hash checked and its record committed.
/// </summary>
public sealed partial class ImageUploadService(
    IBlobStore blobs, IGrainFactory grains, IOptions<ImageVaultLimits> limits, TimeProvider clock,
    ILogger<ImageUploadService> log)
{
    public async Task<UploadItemDto> UploadAsync(string tenant, string? fileName, Stream body, CancellationToken ct)
    {
        using var activity = ImageVaultTelemetry.Activities.StartActivity("upload");
        var item = await StoreAsync(tenant, SafeFileName(fileName), body, ct);
        activity?.SetTag("imagevault.outcome", item.Outcome);
        activity?.SetTag("imagevault.image_id", item.Id);
        ImageVaultTelemetry.UploadedFiles.Add(1, new KeyValuePair<string, object?>("outcome", item.Outcome));
        return item;
    }

    private async Task<UploadItemDto> StoreAsync(string tenant, string name, Stream body, CancellationToken ct)
    {
        var tempKey = BlobKeys.Temp(tenant, GrainKeys.NewId());
        try
        {
            using var counted = new HashingLimitStream(body, limits.Value.MaxUploadBytes);
            try { await blobs.PutAsync(tempKey, counted, "application/octet-stream", ct); }
            catch (UploadTooLargeException e)
            {
                return Refused(name, ErrorCodes.TooLarge, $"larger than the limit of {e.MaxBytes} bytes");
            }
            if (counted.BytesRead == 0) return Refused(name, ErrorCodes.EmptyUpload, "the file is empty");
            var sha = counted.Sha256Hex();

            var header = await ProbeAsync(tempKey, ct);
            if (header.Format == ImageFormat.Unknown)
                return Refused(name, ErrorCodes.UnsupportedFormat, "not a JPEG, PNG, GIF, WebP, TIFF, BMP, HEIC or AVIF image", sha);
            if (header.Pixels > limits.Value.MaxPixels)
                return Refused(name, ErrorCodes.TooManyPixels, $"{header.Width}×{header.Height} exceeds {limits.Value.MaxPixels} pixels", sha);

            var imageId = GrainKeys.NewId();
            var content = grains.GetGrain<IContentGrain>(GrainKeys.For(tenant, sha));
            var claim = await content.ClaimAsync(imageId);
            if (!claim.IsNew)
            {
                var owner = await grains.GetGrain<IImageGrain>(GrainKeys.For(tenant, claim.ImageId)).GetAsync();
                if (owner is not null) return new UploadItemDto(name, UploadOutcomes.Duplicate, owner.Id, null, null, sha);
                claim = await content.ReassignAsync(claim.ImageId, imageId); // its upload died before registering
                if (!claim.IsNew) return new UploadItemDto(name, UploadOutcomes.Duplicate, claim.ImageId, null, null, sha);
            }

            var originalKey = BlobKeys.Original(tenant, sha);
            await blobs.MoveAsync(tempKey, originalKey, ct);
            var image = new NewImage(name, header.Format.Name(), header.Format.ContentType(), counted.BytesRead, sha,
                originalKey, header.Width, header.Height, clock.GetUtcNow());
            await grains.GetGrain<IImageGrain>(GrainKeys.For(tenant, imageId)).RegisterAsync(image);
            LogStored(tenant, imageId, counted.BytesRead);
            ImageVaultTelemetry.UploadedBytes.Add(counted.BytesRead);
            return new UploadItemDto(name, UploadOutcomes.Created, imageId, null, null, sha);
        }
        finally
        {
            await blobs.DeleteAsync(tempKey, CancellationToken.None); // no-op once moved
        }
    }

    private async Task<ImageHeader> ProbeAsync(string key, CancellationToken ct)
    {
        await using var handle = await blobs.OpenReadAsync(key, ct) ?? throw new IOException($"temporary blob {key} vanished");
        return HeaderProbe.Probe(handle.Stream);
    }

    private static UploadItemDto Refused(string name, string code, string detail, string? sha = null) =>
        new(name, UploadOutcomes.Refused, null, code, detail, sha);

    /// <summary>The last path segment, without control characters, bounded; never trusted for anything but display.</summary>
    public static string SafeFileName(string? raw)
    {
        var last = raw?.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return TextSanitizer.Clean(last, 255) ?? "unnamed";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored image {Tenant}/{ImageId} ({Bytes} bytes)")]
    private partial void LogStored(string tenant, string imageId, long bytes);
}
