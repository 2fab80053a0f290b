using System.Security.Cryptography;
using System.Text;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Ports;
using ImageVault.Silo.Security;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Api;

/// <summary>
/// Sign-in through the tenant's OpenID Connect provider: authorization code with PKCE (S256), state
/// bound to the browser by a cookie, nonce checked in the ID token. A first-time external user gets
/// an account with the tenant's default role; the session is the same as after a password sign-in.
/// </summary>
public static class OidcEndpoints
{
    private const string StateCookie = "iv_oidc_state";
    private static readonly TimeSpan LoginWindow = TimeSpan.FromMinutes(10);

    public static void MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var oidc = app.MapGroup("/api/v1/auth/oidc/{tenant}");
        oidc.MapGet("/start", async (HttpContext h, IGrainFactory g, IExternalIdentityProvider provider, TimeProvider clock, IOptions<SecurityOptions> options, string tenant, string? returnUrl) =>
        {
            if (await SettingsAsync(g, tenant) is not { } settings) return Problems.NotFound("sign-in provider");
            var state = Random();
            var (nonce, verifier) = (Random(), Random());
            var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            var redirect = CallbackUrl(h, options.Value, tenant);
            await g.GetGrain<IOidcLoginGrain>(GrainKeys.For(tenant, state)).BeginAsync(
                new PendingOidcLogin(nonce, verifier, redirect, LocalOnly(returnUrl), clock.GetUtcNow() + LoginWindow));
            h.Response.Cookies.Append(StateCookie, state, new CookieOptions
            {
                HttpOnly = true, Secure = h.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = $"/api/v1/auth/oidc/{tenant}", MaxAge = LoginWindow,
            });
            try { return Results.Redirect((await provider.AuthorizationUrlAsync(settings, redirect, state, nonce, challenge, h.RequestAborted)).ToString()); }
            catch (ExternalSignInException e) { return Problems.Of(ErrorCodes.OidcFailed, e.Message); }
        }).RequireAccess(Permission.Public).RequireRateLimiting(RateLimits.SignInPolicy);

        oidc.MapGet("/callback", async (HttpContext h, IGrainFactory g, IExternalIdentityProvider provider, IdentityService identity,
            IOptions<SecurityOptions> options, string tenant, string? code, string? state) =>
        {
            CallerContext.SetAuditSubject(h, GrainKeys.IsValidTenant(tenant) ? tenant : IAuditLog.SystemTenant, "oidc-sign-in");
            if (await SettingsAsync(g, tenant) is not { } settings) return Problems.NotFound("sign-in provider");
            // The state must be the one this browser started with (no sign-in planted from elsewhere) and is used once.
            if (code is null || state is null || !GrainKeys.IsValidId(state) || h.Request.Cookies[StateCookie] != state
                || await g.GetGrain<IOidcLoginGrain>(GrainKeys.For(tenant, state)).TakeAsync() is not { } pending)
                return Problems.Of(ErrorCodes.OidcFailed, "this sign-in is unknown, expired or was started in another browser");
            h.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = $"/api/v1/auth/oidc/{tenant}" });
            ExternalIdentity who;
            try { who = await provider.RedeemCodeAsync(settings, code, pending.RedirectUri, pending.CodeVerifier, pending.Nonce, h.RequestAborted); }
            catch (ExternalSignInException e) { return Problems.Of(ErrorCodes.OidcFailed, e.Message); }

            var user = await FindOrCreateUserAsync(g, identity, tenant, settings, who);
            if (user is null || user.Disabled) return Problems.Of(ErrorCodes.InvalidCredentials, "this account cannot sign in");
            var tenantState = await g.GetGrain<ITenantGrain>(tenant).GetAsync();
            if (tenantState?.Status != TenantStatus.Active) return Problems.Of(ErrorCodes.TenantSuspended, "the tenant is not active");
            await AuthEndpoints.StartSessionAsync(h, identity, options.Value, tenant, user, "oidc");
            return Results.Redirect(pending.ReturnUrl);
        }).RequireAccess(Permission.Public);
    }

    private static async Task<UserState?> FindOrCreateUserAsync(IGrainFactory g, IdentityService identity, string tenant, OidcSettings settings, ExternalIdentity who)
    {
        var subject = $"{who.Issuer}|{who.Subject}";
        var tenantGrain = g.GetGrain<ITenantGrain>(tenant);
        if (await tenantGrain.FindExternalAsync(subject) is { } userId) return await g.GetGrain<IUserGrain>(GrainKeys.For(tenant, userId)).GetAsync();
        var baseName = IdentityService.NormaliseUserName(who.UserName) ?? IdentityService.NormaliseUserName(who.Email) ?? $"user-{Random()[..8]}";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var name = attempt == 0 ? baseName : $"{baseName[..Math.Min(baseName.Length, 50)]}-{Random()[..6]}";
            var created = await identity.CreateUserAsync(tenant, name, who.Name ?? name, settings.DefaultRole, null, subject);
            if (created.Value is { } user) return user;
        }
        return null;
    }

    private static async Task<OidcSettings?> SettingsAsync(IGrainFactory g, string tenant) =>
        GrainKeys.IsValidTenant(tenant) && await g.GetGrain<ITenantGrain>(tenant).GetAsync() is { Oidc: { } s, Status: TenantStatus.Active } ? s : null;

    private static string CallbackUrl(HttpContext h, SecurityOptions options, string tenant) =>
        $"{(options.PublicBaseUrl is { } b ? b.ToString().TrimEnd('/') : $"{h.Request.Scheme}://{h.Request.Host}")}/api/v1/auth/oidc/{tenant}/callback";

    /// <summary>Only a path on this site (no "//host", no "/\host"): the callback must never redirect elsewhere.</summary>
    private static string LocalOnly(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
