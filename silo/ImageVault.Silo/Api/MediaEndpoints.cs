using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;
using Microsoft.Net.Http.Headers;

namespace ImageVault.Silo.Api;

/// <summary>
/// Streams originals and thumbnails: ETag (content hash), Range, the sniffed Content-Type, and
/// headers that stop a browser from ever treating uploaded bytes as a document.
/// </summary>
public static class MediaEndpoints
{
    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/images/{id}/original", async (HttpContext h, IGrainFactory g, IBlobStore blobs, string id) =>
        {
            var state = await StateOf(h, g, id);
            if (state is null) return Problems.NotFound();
            var download = h.Request.Query.ContainsKey("download");
            return await Serve(h, blobs, state.OriginalKey, state.ContentType, state.Sha256, state.FileName, download);
        }).RequireAccess(Permission.Read);
        app.MapGet("/api/v1/images/{id}/thumbnails/{size}", async (HttpContext h, IGrainFactory g, IBlobStore blobs, string id, string size) =>
        {
            var state = await StateOf(h, g, id);
            if (state is null) return Problems.NotFound();
            if (!state.Thumbnails.TryGetValue(size, out var thumb))
                return Problems.Of(ErrorCodes.NotFound, state.Stage == PipelineStage.Stored ? "the thumbnail is not made yet" : $"no thumbnail '{size}' for this image");
            h.Response.Headers.CacheControl = "private, max-age=31536000, immutable"; // content-addressed
            return await Serve(h, blobs, thumb.Key, thumb.ContentType, $"{state.Sha256}-{size}", null, download: false);
        }).RequireAccess(Permission.Read);
    }

    private static async Task<ImageState?> StateOf(HttpContext http, IGrainFactory grains, string id) =>
        RequestTenant.TryKey(http, id, out var key) ? await grains.GetGrain<IImageGrain>(key).GetAsync() : null;

    /// <summary>
    /// The file name twice: a plain-ASCII fallback with anything unusual replaced, and the exact name
    /// percent-encoded (RFC 6266), so no markup or quote from an uploaded name ever appears raw in a header.
    /// </summary>
    public static string Disposition(bool download, string fileName)
    {
        var plain = new string(fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_').ToArray());
        return $"{(download ? "attachment" : "inline")}; filename=\"{plain}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    public static async Task<IResult> Serve(HttpContext http, IBlobStore blobs, string key, string contentType, string etag, string? fileName, bool download)
    {
        var handle = await blobs.OpenReadAsync(key, http.RequestAborted);
        if (handle is null) return Problems.NotFound("blob");
        http.Response.RegisterForDisposeAsync(handle);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (fileName is not null) headers.ContentDisposition = Disposition(download, fileName);
        return Results.Stream(handle.Stream, contentType, lastModified: handle.Info.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{etag}\""), enableRangeProcessing: handle.Stream.CanSeek);
    }
}
