using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Silo.Api;

/// <summary>Reading and editing single images and groups of images. Translation only: decisions are the grain's.</summary>
public static class ImageEndpoints
{
    private const int BulkLimit = 1_000;

    public static void MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/api/v1/images");
        images.MapGet("/{id}", (HttpContext h, IGrainFactory g, string id) => Call(h, g, id, x => x.GetAsync())).RequireAccess(Permission.Read);
        images.MapPatch("/{id}", (HttpContext h, IGrainFactory g, string id, ImagePatchDto p) =>
            p.Rating is < 0 or > 5 ? Task.FromResult(Problems.Invalid("rating must be 0–5"))
                : Call(h, g, id, x => x.UpdateAsync(new ImagePatch(p.Title, p.Description, p.Rating, p.Favourite)))).RequireAccess(Permission.Edit);
        images.MapPost("/{id}/tags", (HttpContext h, IGrainFactory g, string id, TagChangeDto c) =>
            Call(h, g, id, x => x.ChangeTagsAsync(new SetChange(c.Add ?? [], c.Remove ?? [])))).RequireAccess(Permission.Edit);
        images.MapPost("/{id}/comments", async (HttpContext h, IGrainFactory g, string id, NewCommentDto c) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound();
            var comment = await g.GetGrain<IImageGrain>(key).AddCommentAsync(CallerContext.Of(h).DisplayName, c.Text ?? "");
            return comment is null ? Problems.NotFound()
                : Results.Created($"{ImageDtoMapper.SelfLink(id)}#comment-{comment.Id}", new CommentDto(comment.Id, comment.Author, comment.Text, comment.CreatedAt));
        }).RequireAccess(Permission.Edit);
        images.MapDelete("/{id}", (HttpContext h, IGrainFactory g, string id) => Call(h, g, id, x => x.TrashAsync())).RequireAccess(Permission.Edit);
        images.MapPost("/{id}/restore", (HttpContext h, IGrainFactory g, string id) => Call(h, g, id, x => x.RestoreAsync())).RequireAccess(Permission.Edit);
        images.MapPost("/{id}/purge", async (HttpContext h, IGrainFactory g, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound();
            var grain = g.GetGrain<IImageGrain>(key);
            var state = await grain.GetAsync();
            if (state is null) return Problems.NotFound();
            if (!state.Trashed) return Problems.Of(ErrorCodes.Conflict, "only images in the trash can be purged");
            await grain.PurgeAsync();
            return Results.NoContent();
        }).RequireAccess(Permission.Edit);

        images.MapPost("/lookup", async (HttpContext h, IGrainFactory g, HashLookupDto d) =>
        {
            if (d.Sha256 is null || d.Sha256.Count is 0 or > BulkLimit) return Problems.Invalid($"sha256 must list 1–{BulkLimit} hashes");
            var found = new Dictionary<string, string>();
            foreach (var sha in d.Sha256.Distinct().Where(s => s.Length == 64 && GrainKeys.IsValidId(s)))
                if (await g.GetGrain<IContentGrain>(GrainKeys.For(RequestTenant.Of(h), sha)).OwnerAsync() is { } owner
                    && RequestTenant.TryKey(h, owner, out var key) && await g.GetGrain<IImageGrain>(key).GetAsync() is { Trashed: false })
                    found[sha] = owner;
            return Results.Ok(new HashLookupResultDto(found));
        }).RequireAccess(Permission.Read);
        images.MapPost("/bulk/tags", (HttpContext h, IGrainFactory g, BulkTagChangeDto c) =>
            Bulk(h, g, c.ImageIds, x => x.ChangeTagsAsync(new SetChange(c.Add ?? [], c.Remove ?? [])))).RequireAccess(Permission.Edit);
        images.MapPost("/bulk/trash", (HttpContext h, IGrainFactory g, BulkImageIdsDto c) => Bulk(h, g, c.ImageIds, x => x.TrashAsync())).RequireAccess(Permission.Edit);
        images.MapPost("/bulk/restore", (HttpContext h, IGrainFactory g, BulkImageIdsDto c) => Bulk(h, g, c.ImageIds, x => x.RestoreAsync())).RequireAccess(Permission.Edit);
        images.MapPost("/bulk/purge", (HttpContext h, IGrainFactory g, BulkImageIdsDto c) =>
            Bulk(h, g, c.ImageIds, async x => await x.GetAsync() is { Trashed: true } s && await x.PurgeAsync() ? s : null)).RequireAccess(Permission.Edit);
    }

    private static async Task<IResult> Call(HttpContext http, IGrainFactory grains, string id, Func<IImageGrain, Task<ImageState?>> action)
    {
        if (!RequestTenant.TryKey(http, id, out var key)) return Problems.NotFound();
        var state = await action(grains.GetGrain<IImageGrain>(key));
        return state is null ? Problems.NotFound() : Results.Ok(state.ToDto());
    }

    private static async Task<IResult> Bulk(HttpContext http, IGrainFactory grains, IReadOnlyList<string>? ids, Func<IImageGrain, Task<ImageState?>> action)
    {
        if (ids is null || ids.Count == 0 || ids.Count > BulkLimit) return Problems.Invalid($"imageIds must list 1–{BulkLimit} ids");
        var notFound = new List<string>();
        var succeeded = 0;
        foreach (var batch in ids.Distinct().Chunk(32))
        {
            var results = await Task.WhenAll(batch.Select(async id =>
                RequestTenant.TryKey(http, id, out var key) && await action(grains.GetGrain<IImageGrain>(key)) is not null ? null : id));
            succeeded += results.Count(r => r is null);
            notFound.AddRange(results.OfType<string>());
        }
        return Results.Ok(new BulkResultDto(succeeded, notFound));
    }
}
