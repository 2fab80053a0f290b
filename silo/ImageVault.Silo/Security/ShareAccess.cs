using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Identity;
using ImageVault.Silo.Api;

namespace ImageVault.Silo.Security;

/// <summary>
/// Resolves a share link from its token (and an unlock token after a password) and asks
/// <see cref="AccessPolicy"/> whether an action on an image is within the link. Every shared route
/// goes through here, so thumbnails, originals, metadata and search all honour the same limits.
/// </summary>
public sealed class ShareAccess(IGrainFactory grains, PasswordHasher hasher, TimeProvider clock)
{
    /// <summary>Where a visitor sends the unlock token (a header for scripts, a cookie for pages and image tags).</summary>
    public const string UnlockHeader = "X-ImageVault-Share-Unlock", UnlockCookie = "iv_share_unlock";
    private static readonly TimeSpan UnlockLifetime = TimeSpan.FromHours(12);

    public sealed record Granted(string Tenant, ShareLinkState Link, IShareLinkGrain Grain);

    /// <summary>The link when <paramref name="action"/> is allowed, else the refusal to answer with.</summary>
    public async Task<(Granted? Link, IResult? Refusal)> OpenAsync(HttpContext http, string token, ShareAction action)
    {
        if (Resolve(http, token) is not var (parsed, grain)) return (null, Problems.NotFound("share link"));
        var check = await grain.CheckAsync(parsed.Hash);
        var link = check.Problem == CredentialProblem.None || check.Problem == CredentialProblem.Expired ? await grain.GetAsync() : null;
        var unlocked = link?.PasswordHash is not null && await IsUnlockedAsync(http, parsed, grain);
        return AccessPolicy.DecideShare(link, check.Problem, unlocked, action) switch
        {
            ShareDecision.Allow => (new Granted(parsed.Tenant, link!, grain), null),
            ShareDecision.Expired => (null, Problems.Of(ErrorCodes.ShareExpired, "this share link has expired")),
            ShareDecision.PasswordRequired => (null, Problems.Of(ErrorCodes.SharePasswordRequired, "this share link needs its password: POST it to /unlock")),
            ShareDecision.Forbidden => (null, Problems.Of(ErrorCodes.ShareForbidden, "this share link does not allow that")),
            _ => (null, Problems.NotFound("share link")),
        };
    }

    /// <summary>
    /// Trades a password for an unlock token (also set as a cookie scoped to the link), counting wrong
    /// tries in the link's grain: after too many, even the right password waits (429 with Retry-After).
    /// </summary>
    public async Task<IResult> UnlockAsync(HttpContext http, string token, string password)
    {
        if (Resolve(http, token) is not var (parsed, grain)
            || (await grain.CheckAsync(parsed.Hash)).Problem != CredentialProblem.None || await grain.GetAsync() is not { PasswordHash: { } hash })
            return Problems.NotFound("share link");
        var (admitted, wait) = await grain.AdmitPasswordTryAsync();
        if (!admitted) return Problems.RetryLater(http, ErrorCodes.RateLimited, "too many wrong passwords for this link; wait before trying again", wait);
        var correct = await hasher.VerifyAsync(password, hash);
        await grain.RecordPasswordTryAsync(correct);
        if (!correct) return Problems.Of(ErrorCodes.SharePasswordWrong, "wrong password");
        var (unlockToken, unlockHash) = Credentials.Issue(Credentials.ShareUnlock, parsed.Tenant, parsed.Id);
        var expires = clock.GetUtcNow() + UnlockLifetime;
        await grain.UnlockAsync(unlockHash, expires);
        http.Response.Cookies.Append(UnlockCookie, unlockToken, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = $"/api/v1/shared/{token}", Expires = expires,
        });
        return Results.Ok(new ShareUnlockedDto(unlockToken, expires));
    }

    /// <summary>The link's id and grain from its token (naming the link as the audit actor), or null for anything that is not a link token.</summary>
    private (Credentials.Parsed Parsed, IShareLinkGrain Grain)? Resolve(HttpContext http, string token)
    {
        var parsed = Credentials.Parse(token);
        if (parsed is null || parsed.Kind != Credentials.ShareLink) return null;
        CallerContext.SetAuditSubject(http, parsed.Tenant, $"link:{parsed.Id}");
        return (parsed, grains.GetGrain<IShareLinkGrain>(GrainKeys.For(parsed.Tenant, parsed.Id)));
    }

    /// <summary>The image when it lies inside the link (the image itself, or a member of the album, never trashed), else null.</summary>
    public async Task<ImageState?> ImageAsync(Granted granted, string imageId)
    {
        if (!GrainKeys.IsValidId(imageId)) return null;
        var image = await grains.GetGrain<IImageGrain>(GrainKeys.For(granted.Tenant, imageId)).GetAsync();
        return image is not null && AccessPolicy.InShare(granted.Link, image.Id, image.AlbumIds, image.Trashed) ? image : null;
    }

    private static async Task<bool> IsUnlockedAsync(HttpContext http, Credentials.Parsed link, IShareLinkGrain grain)
    {
        var presented = http.Request.Headers[UnlockHeader].FirstOrDefault() ?? http.Request.Cookies[UnlockCookie];
        var unlock = Credentials.Parse(presented);
        return unlock is not null && unlock.Kind == Credentials.ShareUnlock && unlock.Tenant == link.Tenant && unlock.Id == link.Id
               && await grain.IsUnlockedAsync(unlock.Hash);
    }
}
