using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Identity;
using ImageVault.Grains.Ports;
using ImageVault.Silo.Security;

namespace ImageVault.Silo.Api;

/// <summary>A tenant admin's pages: the tenant and its usage, users, the OpenID Connect provider, album grants and the audit log.</summary>
public static class TenantAdminEndpoints
{
    public static void MapTenantAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/api/v1/tenant");
        tenant.MapGet("/", async (HttpContext h, IGrainFactory g) =>
            await g.GetGrain<ITenantGrain>(RequestTenant.Of(h)).GetAsync() is { } t ? Results.Ok(t.ToDto()) : Problems.NotFound("tenant"))
            .RequireAccess(Permission.TenantAdmin);
        tenant.MapPut("/oidc", async (HttpContext h, IGrainFactory g, OidcSettingsDto d) =>
        {
            OidcSettings? settings = null;
            if (d.Authority is not null || d.ClientId is not null)
            {
                if (!Uri.TryCreate(d.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http") || string.IsNullOrWhiteSpace(d.ClientId))
                    return Problems.Invalid("authority must be an absolute http(s) URL and clientId must be set");
                var role = Role.Viewer;
                if (d.DefaultRole is not null && !IdentityService.TryParseRole(d.DefaultRole, out role)) return Problems.Invalid("defaultRole must be viewer, editor or tenantAdmin");
                settings = new OidcSettings(authority.ToString().TrimEnd('/'), d.ClientId.Trim(), d.ClientSecret, role, d.RequireHttpsMetadata ?? true);
            }
            return await g.GetGrain<ITenantGrain>(RequestTenant.Of(h)).SetOidcAsync(settings) is { } t ? Results.Ok(t.ToDto()) : Problems.NotFound("tenant");
        }).RequireAccess(Permission.TenantAdmin);

        tenant.MapGet("/users", async (HttpContext h, IGrainFactory g) =>
        {
            var t = RequestTenant.Of(h);
            var ids = await g.GetGrain<ITenantGrain>(t).ListUserIdsAsync();
            var users = await Task.WhenAll(ids.Select(id => g.GetGrain<IUserGrain>(GrainKeys.For(t, id)).GetAsync()));
            return Results.Ok(users.OfType<UserState>().Select(ToDto));
        }).RequireAccess(Permission.TenantAdmin);
        tenant.MapPost("/users", async (HttpContext h, IdentityService identity, NewUserDto d) =>
        {
            if (!IdentityService.TryParseRole(d.Role, out var role)) return Problems.Invalid("role must be viewer, editor or tenantAdmin");
            var created = await identity.CreateUserAsync(RequestTenant.Of(h), d.UserName, d.DisplayName, role, d.Password);
            return created.Value is { } u ? Results.Created($"/api/v1/tenant/users/{u.Id}", ToDto(u)) : Problems.Of(created.ErrorCode!, created.Detail!);
        }).RequireAccess(Permission.TenantAdmin);
        tenant.MapGet("/users/{id}", async (HttpContext h, IGrainFactory g, string id) =>
            RequestTenant.TryKey(h, id, out var key) && await g.GetGrain<IUserGrain>(key).GetAsync() is { } u ? Results.Ok(ToDto(u)) : Problems.NotFound("user"))
            .RequireAccess(Permission.TenantAdmin);
        tenant.MapPatch("/users/{id}", async (HttpContext h, IGrainFactory g, PasswordHasher hasher, string id, UserPatchDto d) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound("user");
            Role? role = null;
            if (d.Role is not null) role = IdentityService.TryParseRole(d.Role, out var r) ? r : null;
            if (d.Role is not null && role is null) return Problems.Invalid("role must be viewer, editor or tenantAdmin");
            if (d.Password is not null && PasswordHasher.Weakness(d.Password) is { } weak) return Problems.Of(ErrorCodes.WeakPassword, weak);
            var grain = g.GetGrain<IUserGrain>(key);
            var user = await grain.UpdateAsync(role, d.Disabled, d.DisplayName?.Trim());
            if (user is null) return Problems.NotFound("user");
            if (d.Password is not null) await grain.SetPasswordHashAsync(await hasher.HashAsync(d.Password));
            return Results.Ok(ToDto(user));
        }).RequireAccess(Permission.TenantAdmin);
        tenant.MapDelete("/users/{id}", async (HttpContext h, IGrainFactory g, string id) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key) || await g.GetGrain<IUserGrain>(key).GetAsync() is not { } user) return Problems.NotFound("user");
            await g.GetGrain<IUserGrain>(key).DeleteAsync();
            await g.GetGrain<ITenantGrain>(RequestTenant.Of(h)).ReleaseUserNameAsync(user.UserName);
            return Results.NoContent();
        }).RequireAccess(Permission.TenantAdmin);

        app.MapPut("/api/v1/albums/{id}/grants", async (HttpContext h, IGrainFactory g, string id, AlbumGrantDto d) =>
        {
            if (!RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound("album");
            if (d.UserId is null || !RequestTenant.TryKey(h, d.UserId, out var userKey) || await g.GetGrain<IUserGrain>(userKey).GetAsync() is null)
                return Problems.NotFound("user");
            var role = Role.None;
            if (d.Role is not (null or "none") && !(IdentityService.TryParseRole(d.Role, out role) && role <= Role.Editor))
                return Problems.Invalid("role must be none, viewer or editor");
            return await g.GetGrain<IAlbumGrain>(key).SetGrantAsync(d.UserId, role) ? Results.NoContent() : Problems.NotFound("album");
        }).RequireAccess(Permission.Share, albumScoped: true);

        tenant.MapGet("/audit", (HttpContext h, IAuditLog audit, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, long? before, int? limit) =>
            QueryAuditAsync(h, audit, RequestTenant.Of(h), new AuditQuery(from, to, actor, action, before, Math.Clamp(limit ?? 100, 1, 1000))))
            .RequireAccess(Permission.TenantAdmin);
    }

    public static async Task<IResult> QueryAuditAsync(HttpContext h, IAuditLog audit, string tenant, AuditQuery query)
    {
        var entries = await audit.QueryAsync(tenant, query, h.RequestAborted);
        var items = entries.Select(e => new AuditEntryDto(e.Id, e.At, e.Actor, e.Action, e.Target, e.Status, e.Address, e.UserAgent)).ToList();
        return Results.Ok(new AuditPageDto(items, items.Count == query.Limit ? items[^1].Id : null));
    }

    public static TenantDto ToDto(this TenantState t) => new(
        t.Id, t.DisplayName, t.Status.ToString().ToLowerInvariant(), new QuotasDto(t.Quotas.MaxImages, t.Quotas.MaxBytes, t.Quotas.UploadsPerMinute),
        t.Images, t.Bytes, t.Oidc is { } o ? new OidcSettingsDto(o.Authority, o.ClientId, null, IdentityService.RoleName(o.DefaultRole), o.RequireHttpsMetadata) : null,
        t.CreatedAt);

    private static UserDto ToDto(UserState u) =>
        new(u.Id, u.UserName, u.DisplayName, IdentityService.RoleName(u.Role), u.Disabled, u.PasswordHash is not null, u.ExternalSubject is not null, u.CreatedAt);
}
