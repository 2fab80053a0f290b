namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>A user's role inside one tenant. Higher roles include everything the lower ones may do.</summary>
public enum Role { None = 0, Viewer = 1, Editor = 2, TenantAdmin = 3 }

/// <summary>What an API key may be used for; a key never exceeds its user's role.</summary>
[Flags]
public enum Scope { None = 0, Read = 1, Upload = 2, Edit = 4, Share = 8, Admin = 16, All = Read | Upload | Edit | Share | Admin }

/// <summary>
/// What a route needs. Every endpoint declares exactly one; the access policy maps callers (role,
/// key scopes, share link) onto these.
/// </summary>
public enum Permission
{
    /// <summary>Anyone, signed in or not (health, sign-in, share links, which carry their own capability).</summary>
    Public,
    /// <summary>Any signed-in caller of a tenant (their own profile, keys, sign-out).</summary>
    SignedIn,
    Read,
    Upload,
    Edit,
    Share,
    TenantAdmin,
    /// <summary>The operator of the whole installation (tenants, dashboard, metrics).</summary>
    SystemAdmin,
}

/// <summary>What a share link allows beyond looking at its images' thumbnails and metadata.</summary>
[Flags]
public enum SharePermissions { View = 0, DownloadOriginal = 1, Upload = 2 }
