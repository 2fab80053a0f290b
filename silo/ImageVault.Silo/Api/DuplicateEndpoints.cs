using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Intelligence;

namespace ImageVault.Silo.Api;

/// <summary>Near-duplicate review: list groups, resolve one. Decisions are <see cref="DuplicateReview"/>'s.</summary>
public static class DuplicateEndpoints
{
    public static void MapDuplicateEndpoints(this IEndpointRouteBuilder app)
    {
        var duplicates = app.MapGroup("/api/v1/duplicates");
        duplicates.MapGet("/", async (HttpContext h, DuplicateReview review) =>
        {
            var groups = await review.GroupsAsync(RequestTenant.Of(h));
            return Results.Ok(new DuplicateGroupsDto(groups.Select(g => new DuplicateGroupDto(g.Id, g.ImageIds, g.MinSimilarity,
                g.ImageIds.Select(id => ImageDtoMapper.ThumbnailLink(id, "small")).ToArray())).ToArray()));
        }).RequireAccess(Permission.Read);
        duplicates.MapPost("/{groupId}/resolve", async (HttpContext h, DuplicateReview review, string groupId, DuplicateResolutionDto d) =>
        {
            if (!Enum.TryParse<DuplicateAction>(d.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
                return Problems.Invalid("action must be trash, stack or dismiss");
            if (action != DuplicateAction.Dismiss && (d.Keep is null || !RequestTenant.TryKey(h, d.Keep, out _)))
                return Problems.Invalid("keep must name the image to keep");
            var done = await review.ResolveAsync(RequestTenant.Of(h), groupId, d.Keep, action, d.Merge ?? true);
            return done ? Results.NoContent() : Problems.NotFound("duplicate group (it may have changed; list the groups again)");
        }).RequireAccess(Permission.Edit);
    }
}
