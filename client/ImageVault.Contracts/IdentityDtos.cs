namespace ImageVault.Contracts;

public sealed record SignInDto(string? Tenant, string? UserName, string? Password);

/// <summary>A new session: the token works as a bearer token; the web UI gets the same as an HttpOnly cookie.</summary>
public sealed record SessionDto(string Token, DateTimeOffset ExpiresAt, MeDto Me);

public sealed record MeDto(string Tenant, string UserId, string UserName, string DisplayName, string Role, IReadOnlyList<string> Scopes, string Via);

public sealed record NewApiKeyDto(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>An API key as listed; <see cref="Secret"/> is only filled in the answer that creates it.</summary>
public sealed record ApiKeyDto(
    string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string? Secret = null);

public sealed record PasswordChangeDto(string? CurrentPassword, string? NewPassword);

public sealed record NewUserDto(string? UserName, string? DisplayName, string? Role, string? Password);

public sealed record UserPatchDto(string? Role, bool? Disabled, string? DisplayName, string? Password);

public sealed record UserDto(string Id, string UserName, string DisplayName, string Role, bool Disabled, bool HasPassword, bool External, DateTimeOffset CreatedAt);

public sealed record QuotasDto(long? MaxImages, long? MaxBytes, int? UploadsPerMinute);

public sealed record NewTenantDto(string? Id, string? DisplayName, QuotasDto? Quotas, string? AdminUserName, string? AdminPassword);

public sealed record TenantDto(string Id, string DisplayName, string Status, QuotasDto Quotas, long Images, long Bytes, OidcSettingsDto? Oidc, DateTimeOffset CreatedAt);

/// <summary>The tenant's OpenID Connect provider. The client secret is accepted, never returned.</summary>
public sealed record OidcSettingsDto(string? Authority, string? ClientId, string? ClientSecret, string? DefaultRole, bool? RequireHttpsMetadata);

public sealed record AlbumGrantDto(string? UserId, string? Role);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string? Target, int Status, string? Address, string? UserAgent);

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

public sealed record NewShareLinkDto(
    string? ImageId, string? AlbumId, IReadOnlyList<string>? Permissions, bool? IncludeLocation, DateTimeOffset? ExpiresAt, string? Password);

/// <summary>A share link as its owner sees it; <see cref="Token"/> and <see cref="Url"/> only in the answer that creates it.</summary>
public sealed record ShareLinkDto(
    string Id, string Target, string TargetId, IReadOnlyList<string> Permissions, bool IncludeLocation, bool HasPassword,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? Token = null, string? Url = null);

public sealed record ShareUnlockDto(string? Password);

public sealed record ShareUnlockedDto(string UnlockToken, DateTimeOffset ExpiresAt);

/// <summary>What a share link's visitor sees of it.</summary>
public sealed record SharedDto(string Target, IReadOnlyList<string> Permissions, DateTimeOffset? ExpiresAt, string? AlbumName, IReadOnlyList<ImageDto> Images, string? NextCursor);

public sealed record TenantPatchDto(QuotasDto? Quotas, bool? Suspended);
