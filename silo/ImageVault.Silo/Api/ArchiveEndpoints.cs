using System.IO.Compression;
using System.Text.Json;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Silo.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Api;

/// <summary>
/// Bulk import from a ZIP file and export of an album as a ZIP file (originals plus a JSON sidecar of
/// each image's record), both streamed; see <see cref="ZipArchives"/> for the rules on names and sizes.
/// </summary>
public static class ArchiveEndpoints
{
    public static void MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/imports/zip", async (HttpContext h, ImageUploadService uploads, IOptions<ImageVaultLimits> limits, IGrainFactory g) =>
        {
            var tenant = RequestTenant.Of(h);
            var max = limits.Value.MaxUploadBytes;
            if (h.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;
            // A ZIP's directory is at its end: spool the body to a temporary file (bounded), then read entries one by one.
            var spool = Path.Combine(Path.GetTempPath(), $"iv-import-{GrainKeys.NewId()}.zip");
            try
            {
                await using (var file = File.Create(spool))
                using (var bounded = new HashingLimitStream(h.Request.Body, max * 4))
                    await bounded.CopyToAsync(file, h.RequestAborted);
                ZipArchive zip;
                try { zip = await ZipArchive.CreateAsync(File.OpenRead(spool), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, h.RequestAborted); }
                catch (InvalidDataException) { return Problems.Of(ErrorCodes.UnsupportedFormat, "the body is not a ZIP file"); }
                await using var _ = zip;
                if (zip.Entries.Count > ZipArchives.MaxEntries) return Problems.Of(ErrorCodes.TooManyFiles, $"at most {ZipArchives.MaxEntries} entries");
                var items = new List<UploadItemDto>();
                var quotas = g.GetGrain<ITenantGrain>(tenant);
                foreach (var entry in zip.Entries.Where(ZipArchives.IsFile))
                {
                    if (ZipArchives.Refusal(entry, max) is { } why)
                    {
                        items.Add(new UploadItemDto(ImageUploadService.SafeFileName(entry.FullName), UploadOutcomes.Refused, null, ErrorCodes.TooLarge, why, null));
                        continue;
                    }
                    if ((await quotas.AdmitUploadAsync(entry.Length)).Breach != QuotaBreach.None)
                    {
                        items.Add(new UploadItemDto(ImageUploadService.SafeFileName(entry.FullName), UploadOutcomes.Refused, null, ErrorCodes.QuotaImages, "a tenant quota refused this file", null));
                        continue;
                    }
                    await using var content = await entry.OpenAsync(h.RequestAborted);
                    items.Add(await uploads.UploadAsync(tenant, entry.FullName, content, h.RequestAborted));
                }
                return Results.Ok(new UploadResponseDto(items));
            }
            catch (UploadTooLargeException) { return Problems.Of(ErrorCodes.TooLarge, "the ZIP file is too large"); }
            finally { File.Delete(spool); }
        }).RequireAccess(Permission.Upload).DisableAntiforgery();

        app.MapGet("/api/v1/albums/{id}/export.zip", async (HttpContext h, IGrainFactory g, IImageSearchIndex index, IBlobStore blobs, IOptions<JsonOptions> json, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key) || await g.GetGrain<IAlbumGrain>(key).GetAsync() is not { } album) return Problems.NotFound("album");
            var tenant = RequestTenant.Of(h);
            h.Response.ContentType = "application/zip";
            h.Response.Headers.ContentDisposition = MediaEndpoints.Disposition(download: true, $"{album.Name}.zip");
            // ZipArchive writes synchronously in places; it writes into a pipe on a pool thread while the response copies out asynchronously.
            var pipe = new System.IO.Pipelines.Pipe();
            var producer = Task.Run(async () =>
            {
                try
                {
                    await WriteAlbumAsync(pipe.Writer.AsStream(leaveOpen: true), tenant, album.Id, g, index, blobs, json.Value.SerializerOptions, h.RequestAborted);
                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e) { await pipe.Writer.CompleteAsync(e); }
            });
            await pipe.Reader.CopyToAsync(h.Response.Body, h.RequestAborted);
            await producer;
            return Results.Empty;
        }).RequireAccess(Permission.Read);
    }

    private static async Task WriteAlbumAsync(Stream output, string tenant, string albumId, IGrainFactory g, IImageSearchIndex index, IBlobStore blobs,
        JsonSerializerOptions json, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? cursor = null;
        do
        {
            var page = await index.SearchAsync(tenant, new ImageSearchQuery { AlbumId = albumId, Cursor = cursor, Limit = 200, IncludeStacked = true }, ct);
            foreach (var hit in page.Items)
            {
                if (await g.GetGrain<IImageGrain>(GrainKeys.For(tenant, hit.Id)).GetAsync() is not { } image) continue;
                await using var handle = await blobs.OpenReadAsync(image.OriginalKey, ct);
                if (handle is null) continue;
                var name = ZipArchives.ExportName(image.FileName, used);
                await using (var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open()) await handle.Stream.CopyToAsync(entry, ct);
                await using var sidecar = zip.CreateEntry(ZipArchives.ExportName($"{name}.json", used), CompressionLevel.Optimal).Open();
                await JsonSerializer.SerializeAsync(sidecar, image.ToDto(), json, ct);
            }
            cursor = page.NextCursor;
        } while (cursor is not null);
    }
}
