using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Identity;

public enum CallerKind { Anonymous, Session, ApiKey, Operator }

/// <summary>Who is calling: resolved once per request by authentication, read by the policy only.</summary>
public sealed record Caller(CallerKind Kind, string Tenant, string? UserId, string? UserName, Role Role, Scope Scopes, string? CredentialId)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, "", null, null, Role.None, Scope.None, null);

    /// <summary>The name shown beside what the caller wrote (comments).</summary>
    public string DisplayName => UserName ?? (Kind == CallerKind.Operator ? "operator" : "anonymous");

    /// <summary>Who did it, as the audit log writes it: never a secret, only ids.</summary>
    public string Actor => Kind switch
    {
        CallerKind.Operator => "operator",
        CallerKind.ApiKey => $"user:{UserId} key:{CredentialId}",
        CallerKind.Session => $"user:{UserId}",
        _ => "anonymous",
    };
}

public enum AccessDecision { Allow, Unauthenticated, Forbidden }

public enum ShareAction { View, DownloadOriginal, Upload }

public enum ShareDecision { Allow, NotFound, Expired, PasswordRequired, Forbidden }

/// <summary>
/// The one place that decides access. Routes declare a <see cref="Permission"/>; callers bring a role
/// and (for API keys) scopes; share links bring their own permission set. What belongs to another
/// tenant never reaches this point: keys, blobs and queries are all built from the caller's tenant,
/// so it simply does not exist (404).
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(Caller caller, Permission needed, Role albumGrant = Role.None)
    {
        if (needed == Permission.Public) return AccessDecision.Allow;
        if (caller.Kind == CallerKind.Anonymous) return AccessDecision.Unauthenticated;
        if (caller.Kind == CallerKind.Operator) return AccessDecision.Allow; // acts for one tenant at a time, every change audited
        if (needed == Permission.SystemAdmin) return AccessDecision.Forbidden;
        if (needed == Permission.SignedIn) return AccessDecision.Allow;
        var role = (Role)Math.Max((int)caller.Role, (int)albumGrant);
        return role >= MinimumRole(needed) && caller.Scopes.HasFlag(ScopeFor(needed)) ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    /// <summary>The role a permission needs; a per-album grant can lift a user to it for that album only.</summary>
    public static Role MinimumRole(Permission p) => p switch
    {
        Permission.Read => Role.Viewer,
        Permission.Upload or Permission.Edit or Permission.Share => Role.Editor,
        _ => Role.TenantAdmin,
    };

    public static Scope ScopeFor(Permission p) => p switch
    {
        Permission.Read => Scope.Read,
        Permission.Upload => Scope.Upload,
        Permission.Edit => Scope.Edit,
        Permission.Share => Scope.Share,
        _ => Scope.Admin,
    };

    /// <summary>A caller may hand out only scopes their own role allows (an editor cannot mint an admin key).</summary>
    public static Scope ScopesAllowedFor(Role role) => role switch
    {
        Role.TenantAdmin => Scope.All,
        Role.Editor => Scope.Read | Scope.Upload | Scope.Edit | Scope.Share,
        Role.Viewer => Scope.Read,
        _ => Scope.None,
    };

    public static ShareDecision DecideShare(ShareLinkState? link, CredentialProblem check, bool unlocked, ShareAction action)
    {
        if (link is null || check is CredentialProblem.Unknown or CredentialProblem.Revoked) return ShareDecision.NotFound;
        if (check == CredentialProblem.Expired) return ShareDecision.Expired;
        if (link.PasswordHash is not null && !unlocked) return ShareDecision.PasswordRequired;
        return action switch
        {
            ShareAction.DownloadOriginal when !link.Permissions.HasFlag(SharePermissions.DownloadOriginal) => ShareDecision.Forbidden,
            ShareAction.Upload when link.Target != ShareTarget.Album || !link.Permissions.HasFlag(SharePermissions.Upload) => ShareDecision.Forbidden,
            _ => ShareDecision.Allow,
        };
    }

    /// <summary>Whether an image lies inside what a link shares: the image itself, or a member of the album.</summary>
    public static bool InShare(ShareLinkState link, string imageId, IReadOnlyCollection<string> imageAlbumIds, bool trashed) =>
        !trashed && (link.Target == ShareTarget.Image ? link.TargetId == imageId : imageAlbumIds.Contains(link.TargetId));
}
