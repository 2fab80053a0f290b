using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;

namespace ImageVault.Silo.Api;

/// <summary>Albums: create, list (the tree), read, change, delete (images stay), membership in bulk.</summary>
public static class AlbumEndpoints
{
    public static void MapAlbumEndpoints(this IEndpointRouteBuilder app)
    {
        var albums = app.MapGroup("/api/v1/albums");
        albums.MapPost("/", async (HttpContext h, IGrainFactory g, NewAlbumDto a) =>
        {
            if (a.ParentId is { } p && !GrainKeys.IsValidId(p)) return Problems.Of(ErrorCodes.NotFound, "no such parent album");
            var id = GrainKeys.NewId();
            var result = await g.GetGrain<IAlbumGrain>(GrainKeys.For(RequestTenant.Of(h), id)).CreateAsync(new NewAlbum(a.Name ?? "", a.Description, a.ParentId, "owner"));
            return result.Album is { } album ? Results.Created($"/api/v1/albums/{id}", album.ToDto()) : Refusal(result.Error);
        }).RequireAccess(Permission.Edit);
        albums.MapGet("/", async (HttpContext h, IGrainFactory g) =>
        {
            var nodes = await g.GetGrain<IAlbumTreeGrain>(RequestTenant.Of(h)).ListAsync();
            return Results.Ok(nodes.Select(n => new { n.Id, n.Name, n.ParentId }));
        }).RequireAccess(Permission.Read);
        albums.MapGet("/{id}", async (HttpContext h, IGrainFactory g, string id) =>
            RequestTenant.TryKey(h, id, out var key) && await g.GetGrain<IAlbumGrain>(key).GetAsync() is { } album
                ? Results.Ok(album.ToDto()) : Problems.NotFound("album")).RequireAccess(Permission.Read);
        albums.MapPatch("/{id}", async (HttpContext h, IGrainFactory g, string id, AlbumPatchDto p) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound("album");
            if ((p.ParentId is { } parent && !GrainKeys.IsValidId(parent)) || (p.CoverImageId is { } cover && !GrainKeys.IsValidId(cover)))
                return Problems.Invalid("parentId and coverImageId must be ids");
            var result = await g.GetGrain<IAlbumGrain>(key).UpdateAsync(new AlbumPatch(p.Name, p.Description, p.ParentId, p.ClearParent ?? false, p.CoverImageId));
            return result.Album is { } album ? Results.Ok(album.ToDto()) : Refusal(result.Error);
        }).RequireAccess(Permission.Edit, albumScoped: true);
        albums.MapDelete("/{id}", async (HttpContext h, IGrainFactory g, string id) =>
            RequestTenant.TryKey(h, id, out var key) && await g.GetGrain<IAlbumGrain>(key).DeleteAsync()
                ? Results.NoContent() : Problems.NotFound("album")).RequireAccess(Permission.Edit, albumScoped: true);
        albums.MapPost("/{id}/images", async (HttpContext h, IGrainFactory g, string id, AlbumMembershipDto m) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound("album");
            if ((m.Add?.Count ?? 0) + (m.Remove?.Count ?? 0) is 0 or > 1_000) return Problems.Invalid("add/remove must list 1–1000 image ids in all");
            var result = await g.GetGrain<IAlbumGrain>(key).ChangeImagesAsync(m.Add ?? [], m.Remove ?? []);
            return result is null ? Problems.NotFound("album") : Results.Ok(new BulkResultDto(result.Changed, result.NotFound));
        }).RequireAccess(Permission.Edit, albumScoped: true);
    }

    private static AlbumDto ToDto(this AlbumState a) => new(a.Id, a.Name, a.Description, a.ParentId, a.CoverImageId, a.CreatedAt, a.Version);

    private static IResult Refusal(AlbumError error) => error switch
    {
        AlbumError.NotFound => Problems.NotFound("album"),
        AlbumError.ParentNotFound => Problems.Of(ErrorCodes.NotFound, "no such parent album"),
        AlbumError.Cycle => Problems.Of(ErrorCodes.AlbumCycle, "an album cannot be moved under itself or its descendants"),
        AlbumError.CoverNotInAlbum => Problems.Invalid("the cover must be an image in the album"),
        _ => Problems.Invalid("the album needs a non-empty name of at most 200 characters"),
    };
}
