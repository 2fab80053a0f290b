using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Identity;
using ImageVault.Silo.Security;

namespace ImageVault.Silo.Api;

/// <summary>The owner's side of share links: create (the token is shown once), list, revoke.</summary>
public static class ShareEndpoints
{
    public static void MapShareEndpoints(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup("/api/v1/shares");
        shares.MapPost("/", async (HttpContext h, IGrainFactory g, PasswordHasher hasher, TimeProvider clock, NewShareLinkDto d) =>
        {
            var tenant = RequestTenant.Of(h);
            var (target, targetId) = d.AlbumId is not null ? (ShareTarget.Album, d.AlbumId) : (ShareTarget.Image, d.ImageId);
            if (targetId is null || (d.AlbumId is not null && d.ImageId is not null)) return Problems.Invalid("name exactly one of imageId and albumId");
            var exists = RequestTenant.TryKey(h, targetId, out var key) && (target == ShareTarget.Album
                ? await g.GetGrain<IAlbumGrain>(key).GetAsync() is not null
                : await g.GetGrain<IImageGrain>(key).GetAsync() is { Trashed: false });
            if (!exists) return Problems.NotFound(target == ShareTarget.Album ? "album" : "image");
            var permissions = SharePermissions.View;
            foreach (var p in d.Permissions ?? [])
            {
                if (!Enum.TryParse<SharePermissions>(p, ignoreCase: true, out var one)) return Problems.Invalid($"unknown permission '{p}' (view, downloadOriginal, upload)");
                permissions |= one;
            }
            if (permissions.HasFlag(SharePermissions.Upload) && target != ShareTarget.Album) return Problems.Invalid("only album links can allow uploads");
            if (d.ExpiresAt is { } e && e <= clock.GetUtcNow()) return Problems.Invalid("expiresAt must be in the future");
            if (d.Password is not null && PasswordHasher.Weakness(d.Password) is { } weak) return Problems.Of(ErrorCodes.WeakPassword, weak);

            var id = GrainKeys.NewId();
            var (token, hash) = Credentials.Issue(Credentials.ShareLink, tenant, id);
            var link = new ShareLinkState
            {
                Id = id, Target = target, TargetId = targetId, Permissions = permissions, IncludeLocation = d.IncludeLocation ?? false,
                ExpiresAt = d.ExpiresAt, PasswordHash = d.Password is null ? null : await hasher.HashAsync(d.Password), SecretHash = hash,
                CreatedBy = CallerContext.Of(h).UserId ?? "operator", CreatedAt = clock.GetUtcNow(),
            };
            await g.GetGrain<IShareLinkGrain>(GrainKeys.For(tenant, id)).CreateAsync(link);
            await g.GetGrain<ITenantGrain>(tenant).AddShareLinkAsync(id);
            return Results.Created($"/api/v1/shares/{id}", ToDto(link) with { Token = token, Url = $"/s/{token}" });
        }).RequireAccess(Permission.Share);
        shares.MapGet("/", async (HttpContext h, IGrainFactory g) =>
        {
            var tenant = RequestTenant.Of(h);
            var ids = await g.GetGrain<ITenantGrain>(tenant).ListShareLinkIdsAsync();
            var links = await Task.WhenAll(ids.Select(id => g.GetGrain<IShareLinkGrain>(GrainKeys.For(tenant, id)).GetAsync()));
            return Results.Ok(links.OfType<ShareLinkState>().Select(ToDto));
        }).RequireAccess(Permission.Share);
        shares.MapDelete("/{id}", async (HttpContext h, IGrainFactory g, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key) || await g.GetGrain<IShareLinkGrain>(key).GetAsync() is null) return Problems.NotFound("share link");
            await g.GetGrain<IShareLinkGrain>(key).RevokeAsync();
            return Results.NoContent();
        }).RequireAccess(Permission.Share);
    }

    private static ShareLinkDto ToDto(ShareLinkState l) => new(
        l.Id, l.Target.ToString().ToLowerInvariant(), l.TargetId, PermissionNames(l), l.IncludeLocation, l.PasswordHash is not null, l.CreatedAt, l.ExpiresAt, l.RevokedAt);

    /// <summary>A link's permissions as the API names them: view, downloadOriginal, upload.</summary>
    public static IReadOnlyList<string> PermissionNames(ShareLinkState link) =>
        Enum.GetValues<SharePermissions>().Where(p => p == SharePermissions.View || link.Permissions.HasFlag(p))
            .Select(p => char.ToLowerInvariant(p.ToString()[0]) + p.ToString()[1..]).ToList();
}
