using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Identity;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Silo.Security;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Api;

/// <summary>
/// What a share link's visitor can reach, all under <c>/api/v1/shared/{token}</c>: the shared image or
/// album, its images' metadata (location removed unless the owner allowed it), thumbnails, originals
/// (when allowed), search inside the album, and uploads into it (when allowed). No sign-in: the
/// token is the capability, checked by <see cref="ShareAccess"/> on every request.
/// </summary>
public static class SharedEndpoints
{
    private const int PageSize = 50;

    public static void MapSharedEndpoints(this IEndpointRouteBuilder app)
    {
        var shared = app.MapGroup("/api/v1/shared/{token}");
        shared.MapGet("/", async (HttpContext h, ShareAccess access, IGrainFactory g, IImageSearchIndex index, string token, string? cursor) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.View);
            if (granted is null) return refusal!;
            var link = granted.Link;
            if (link.Target == ShareTarget.Image)
            {
                var image = await access.ImageAsync(granted, link.TargetId);
                return Results.Ok(new SharedDto("image", ShareEndpoints.PermissionNames(link), link.ExpiresAt, null, image is null ? [] : [image.ToSharedDto(token, link.IncludeLocation)], null));
            }
            var album = await g.GetGrain<IAlbumGrain>(GrainKeys.For(granted.Tenant, link.TargetId)).GetAsync();
            if (album is null) return Problems.NotFound("share link");
            var page = await index.SearchAsync(granted.Tenant, new ImageSearchQuery { AlbumId = album.Id, Cursor = cursor, Limit = PageSize }, h.RequestAborted);
            var images = await Task.WhenAll(page.Items.Select(d => access.ImageAsync(granted, d.Id)));
            return Results.Ok(new SharedDto("album", ShareEndpoints.PermissionNames(link), link.ExpiresAt, album.Name,
                images.OfType<ImageState>().Select(i => i.ToSharedDto(token, link.IncludeLocation)).ToList(), page.NextCursor));
        }).RequireAccess(Permission.Public);

        shared.MapPost("/unlock", (HttpContext h, ShareAccess access, string token, ShareUnlockDto d) => access.UnlockAsync(h, token, d.Password ?? "")).RequireAccess(Permission.Public).RequireRateLimiting(RateLimits.SignInPolicy);

        shared.MapGet("/images/{id}", async (HttpContext h, ShareAccess access, string token, string id) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.View);
            if (granted is null) return refusal!;
            return await access.ImageAsync(granted, id) is { } image ? Results.Ok(image.ToSharedDto(token, granted.Link.IncludeLocation)) : Problems.NotFound();
        }).RequireAccess(Permission.Public);

        shared.MapGet("/images/{id}/thumbnails/{size}", async (HttpContext h, ShareAccess access, IBlobStore blobs, string token, string id, string size) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.View);
            if (granted is null) return refusal!;
            if (await access.ImageAsync(granted, id) is not { } image || !image.Thumbnails.TryGetValue(size, out var thumb)) return Problems.NotFound("thumbnail");
            h.Response.Headers.CacheControl = "private, no-store"; // a revoked link must stop working, also for what a browser kept
            return await MediaEndpoints.Serve(h, blobs, thumb.Key, thumb.ContentType, $"{image.Sha256}-{size}", null, download: false);
        }).RequireAccess(Permission.Public);

        shared.MapGet("/images/{id}/original", async (HttpContext h, ShareAccess access, IBlobStore blobs, string token, string id) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.DownloadOriginal);
            if (granted is null) return refusal!;
            if (await access.ImageAsync(granted, id) is not { } image) return Problems.NotFound();
            h.Response.Headers.CacheControl = "private, no-store";
            if (granted.Link.IncludeLocation) return await MediaEndpoints.Serve(h, blobs, image.OriginalKey, image.ContentType, image.Sha256, image.FileName, download: true);
            return await SharedOriginals.ServeWithoutLocationAsync(h, blobs, image);
        }).RequireAccess(Permission.Public);

        shared.MapGet("/search", async (HttpContext h, ShareAccess access, IImageSearchIndex index, string token) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.View);
            if (granted is null) return refusal!;
            if (granted.Link.Target != ShareTarget.Album) return Problems.Of(ErrorCodes.ShareForbidden, "only album links can be searched");
            var (query, error) = SearchQueryParser.Parse(h.Request.Query);
            if (query is null) return Problems.Of(ErrorCodes.InvalidQuery, error!);
            // Inside the album only, never the trash, no facets; no geo filters unless location is shared (they would reveal it).
            query = query with { AlbumId = granted.Link.TargetId, Trashed = false, Facets = false };
            if (!granted.Link.IncludeLocation) query = query with { Box = null, HasLocation = null, Places = [] };
            try
            {
                var result = await index.SearchAsync(granted.Tenant, query, h.RequestAborted);
                var hits = result.Items.Select(d => d.ToHit() with { Thumbnail = $"/api/v1/shared/{token}/images/{d.Id}/thumbnails/small" }).ToArray();
                return Results.Ok(new SearchResponseDto(result.Total, hits, result.NextCursor, null));
            }
            catch (InvalidSearchException e) { return Problems.Of(e.Code, e.Message); }
        }).RequireAccess(Permission.Public);

        shared.MapPost("/images", async (HttpContext h, ShareAccess access, IGrainFactory g, ImageUploadService uploads, IOptions<ImageVaultLimits> limits, string token) =>
        {
            var (granted, refusal) = await access.OpenAsync(h, token, ShareAction.Upload);
            if (granted is null) return refusal!;
            var (status, body) = await UploadEndpoints.UploadAsync(h, uploads, limits.Value, g, granted.Tenant);
            if (body is UploadResponseDto response && response.Items.Where(i => i.Id is not null).Select(i => i.Id!).ToList() is { Count: > 0 } ids)
                await g.GetGrain<IAlbumGrain>(GrainKeys.For(granted.Tenant, granted.Link.TargetId)).ChangeImagesAsync(ids, []);
            return Results.Json(body, statusCode: status);
        }).RequireAccess(Permission.Public).DisableAntiforgery();
    }
}
