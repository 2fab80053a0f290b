using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Identity;
using ImageVault.Silo.Security;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Api;

/// <summary>Sign-in and sign-out, the caller's own profile, password and API keys.</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/sign-in", async (HttpContext h, IdentityService identity, IOptions<SecurityOptions> options, SignInDto d) =>
        {
            var tenant = d.Tenant ?? GrainKeys.DefaultTenant;
            CallerContext.SetAuditSubject(h, GrainKeys.IsValidTenant(tenant) ? tenant : Grains.Ports.IAuditLog.SystemTenant, $"sign-in:{IdentityService.NormaliseUserName(d.UserName) ?? "?"}");
            var checkd = await identity.CheckPasswordAsync(tenant, d.UserName, d.Password);
            if (checkd.Value is not { } user) return Problems.Of(checkd.ErrorCode!, checkd.Detail!);
            return await StartSessionAsync(h, identity, options.Value, tenant, user, "password");
        }).RequireAccess(Permission.Public).RequireRateLimiting(RateLimits.SignInPolicy);

        app.MapPost("/api/v1/auth/sign-out", async (HttpContext h, IGrainFactory g) =>
        {
            var caller = CallerContext.Of(h);
            if (caller.Kind == CallerKind.Session) await g.GetGrain<ISessionGrain>(GrainKeys.For(caller.Tenant, caller.CredentialId!)).EndAsync();
            h.Response.Cookies.Delete(CallerResolver.SessionCookie, new CookieOptions { Path = "/" });
            return Results.NoContent();
        }).RequireAccess(Permission.SignedIn);

        var me = app.MapGroup("/api/v1/me");
        me.MapGet("/", async (HttpContext h, IGrainFactory g) =>
        {
            var caller = CallerContext.Of(h);
            var user = caller.UserId is null ? null : await g.GetGrain<IUserGrain>(GrainKeys.For(caller.Tenant, caller.UserId)).GetAsync();
            return Results.Ok(ToMe(caller, user));
        }).RequireAccess(Permission.SignedIn);
        me.MapPost("/password", async (HttpContext h, IGrainFactory g, IdentityService identity, PasswordHasher hasher, PasswordChangeDto d) =>
        {
            var caller = CallerContext.Of(h);
            if (caller.UserId is null) return Problems.Invalid("only users have passwords");
            if (PasswordHasher.Weakness(d.NewPassword) is { } weak) return Problems.Of(ErrorCodes.WeakPassword, weak);
            if ((await identity.CheckPasswordAsync(caller.Tenant, caller.UserName, d.CurrentPassword)).Value is null)
                return Problems.Of(ErrorCodes.InvalidCredentials, "the current password is wrong");
            await g.GetGrain<IUserGrain>(GrainKeys.For(caller.Tenant, caller.UserId)).SetPasswordHashAsync(await hasher.HashAsync(d.NewPassword!));
            return Results.NoContent();
        }).RequireAccess(Permission.SignedIn).RequireRateLimiting(RateLimits.SignInPolicy);

        me.MapGet("/keys", async (HttpContext h, IGrainFactory g) =>
        {
            var caller = CallerContext.Of(h);
            if (caller.UserId is null) return Results.Ok(Array.Empty<ApiKeyDto>());
            var user = await g.GetGrain<IUserGrain>(GrainKeys.For(caller.Tenant, caller.UserId)).GetAsync();
            var keys = await Task.WhenAll((user?.KeyIds ?? []).Select(id => g.GetGrain<IApiKeyGrain>(GrainKeys.For(caller.Tenant, id)).GetAsync()));
            return Results.Ok(keys.OfType<ApiKeyState>().Select(IdentityService.ToDto));
        }).RequireAccess(Permission.SignedIn);
        me.MapPost("/keys", async (HttpContext h, IdentityService identity, NewApiKeyDto d) =>
        {
            var caller = CallerContext.Of(h);
            if (caller.UserId is null) return Problems.Invalid("API keys belong to users; the operator has the operator token");
            var created = await identity.CreateKeyAsync(caller, d);
            return created.Value is { } key ? Results.Created($"/api/v1/me/keys/{key.Id}", key) : Problems.Of(created.ErrorCode!, created.Detail!);
        }).RequireAccess(Permission.SignedIn);
        me.MapDelete("/keys/{id}", async (HttpContext h, IGrainFactory g, string id) =>
        {
            var caller = CallerContext.Of(h);
            if (caller.UserId is null || !RequestTenant.TryKey(h, id, out var key)) return Problems.NotFound("key");
            var grain = g.GetGrain<IApiKeyGrain>(key);
            if (await grain.GetAsync() is not { } k || k.UserId != caller.UserId) return Problems.NotFound("key");
            await grain.RevokeAsync();
            return Results.NoContent();
        }).RequireAccess(Permission.SignedIn);
    }

    /// <summary>Answers a successful sign-in: the token in the body (scripts) and as a strict, HttpOnly cookie (the web UI).</summary>
    public static async Task<IResult> StartSessionAsync(HttpContext h, IdentityService identity, SecurityOptions options, string tenant, UserState user, string method)
    {
        var (token, expires) = await identity.StartSessionAsync(tenant, user.Id, method);
        h.Response.Cookies.Append(CallerResolver.SessionCookie, token, new CookieOptions
        {
            HttpOnly = true, Secure = options.SecureCookies, SameSite = SameSiteMode.Strict, Path = "/", Expires = expires, IsEssential = true,
        });
        var caller = new Caller(CallerKind.Session, tenant, user.Id, user.UserName, user.Role, Scope.All, null);
        return Results.Ok(new SessionDto(token, expires, ToMe(caller, user)));
    }

    private static MeDto ToMe(Caller caller, UserState? user) => new(
        caller.Tenant, caller.UserId ?? "", user?.UserName ?? caller.DisplayName, user?.DisplayName ?? caller.DisplayName,
        caller.Kind == CallerKind.Operator ? "operator" : IdentityService.RoleName(caller.Role),
        IdentityService.ScopeNames(caller.Scopes), caller.Kind.ToString().ToLowerInvariant());
}
