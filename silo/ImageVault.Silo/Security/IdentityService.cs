using System.Text.RegularExpressions;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Identity;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Security;

/// <summary>
/// Accounts and credentials: users (names unique per tenant, Argon2id passwords), password sign-in,
/// sessions and API keys. Secrets are made here, handed out once and stored only as hashes.
/// </summary>
public sealed partial class IdentityService(IGrainFactory grains, PasswordHasher hasher, IOptions<SecurityOptions> options, TimeProvider clock)
{
    // Verified when the user does not exist, so a wrong name costs as long as a wrong password.
    private readonly Lazy<Task<string>> _decoyHash = new(() => hasher.HashAsync("decoy-password-never-valid"));

    public sealed record Outcome<T>(T? Value, string? ErrorCode, string? Detail)
    {
        public static Outcome<T> Ok(T value) => new(value, null, null);
        public static Outcome<T> Fail(string code, string detail) => new(default, code, detail);
    }

    public static string? NormaliseUserName(string? name) =>
        name?.Trim().ToLowerInvariant() is { } n && UserNamePattern().IsMatch(n) ? n : null;

    public async Task<Outcome<UserState>> CreateUserAsync(string tenant, string? userName, string? displayName, Role role, string? password, string? externalSubject = null)
    {
        if (NormaliseUserName(userName) is not { } name) return Outcome<UserState>.Fail(ErrorCodes.InvalidRequest, "a user name is 1–64 of a-z 0-9 . _ @ -, starting with a letter or digit");
        if (role == Role.None) return Outcome<UserState>.Fail(ErrorCodes.InvalidRequest, "role must be viewer, editor or tenantAdmin");
        if (password is not null && PasswordHasher.Weakness(password) is { } weak) return Outcome<UserState>.Fail(ErrorCodes.WeakPassword, weak);
        var id = GrainKeys.NewId();
        if (!await grains.GetGrain<ITenantGrain>(tenant).ClaimUserNameAsync(name, id)) return Outcome<UserState>.Fail(ErrorCodes.UserNameTaken, $"the user name '{name}' is taken");
        var hash = password is null ? null : await hasher.HashAsync(password);
        var shownName = (displayName ?? name).Trim();
        var user = await grains.GetGrain<IUserGrain>(GrainKeys.For(tenant, id)).CreateAsync(new NewUser(name, shownName[..Math.Min(shownName.Length, 200)], role, hash, externalSubject));
        if (externalSubject is not null) await grains.GetGrain<ITenantGrain>(tenant).LinkExternalAsync(externalSubject, id);
        return Outcome<UserState>.Ok(user!);
    }

    /// <summary>Checks a user name and password; the same answer for an unknown name, a wrong password, a disabled user or a tenant that is not active.</summary>
    public async Task<Outcome<UserState>> CheckPasswordAsync(string? tenant, string? userName, string? password)
    {
        const string detail = "unknown tenant, user name or password";
        var name = NormaliseUserName(userName);
        var tenantGrain = GrainKeys.IsValidTenant(tenant) ? grains.GetGrain<ITenantGrain>(tenant!) : null;
        var userId = name is null || tenantGrain is null ? null : await tenantGrain.FindUserAsync(name);
        var user = userId is null ? null : await grains.GetGrain<IUserGrain>(GrainKeys.For(tenant!, userId)).GetAsync();
        var valid = await hasher.VerifyAsync(password ?? "", user?.PasswordHash ?? await _decoyHash.Value) && user?.PasswordHash is not null;
        if (!valid || user!.Disabled) return Outcome<UserState>.Fail(ErrorCodes.InvalidCredentials, detail);
        var state = await tenantGrain!.GetAsync();
        if (state?.Status == TenantStatus.Suspended) return Outcome<UserState>.Fail(ErrorCodes.TenantSuspended, "the tenant is suspended");
        return state?.Status == TenantStatus.Active ? Outcome<UserState>.Ok(user) : Outcome<UserState>.Fail(ErrorCodes.InvalidCredentials, detail);
    }

    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartSessionAsync(string tenant, string userId, string method)
    {
        var id = GrainKeys.NewId();
        var (token, hash) = Credentials.Issue(Credentials.Session, tenant, id);
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        await grains.GetGrain<ISessionGrain>(GrainKeys.For(tenant, id)).CreateAsync(userId, hash, expires, method);
        return (token, expires);
    }

    public async Task<Outcome<ApiKeyDto>> CreateKeyAsync(Caller caller, NewApiKeyDto request)
    {
        var wanted = Scope.None;
        foreach (var name in request.Scopes ?? [])
        {
            if (!Enum.TryParse<Scope>(name, ignoreCase: true, out var s) || s is Scope.None or Scope.All) return Outcome<ApiKeyDto>.Fail(ErrorCodes.InvalidRequest, $"unknown scope '{name}'");
            wanted |= s;
        }
        if (wanted == Scope.None) return Outcome<ApiKeyDto>.Fail(ErrorCodes.InvalidRequest, "name at least one scope: read, upload, edit, share, admin");
        var allowed = AccessPolicy.ScopesAllowedFor(caller.Role) & caller.Scopes;
        if ((wanted & ~allowed) != 0) return Outcome<ApiKeyDto>.Fail(ErrorCodes.Forbidden, "a key cannot have scopes beyond its creator's own");
        if (request.ExpiresAt is { } e && e <= clock.GetUtcNow()) return Outcome<ApiKeyDto>.Fail(ErrorCodes.InvalidRequest, "expiresAt must be in the future");
        var id = GrainKeys.NewId();
        var (token, hash) = Credentials.Issue(Credentials.ApiKey, caller.Tenant, id);
        var name2 = (request.Name ?? "key").Trim();
        var key = new ApiKeyState
        {
            Id = id, UserId = caller.UserId!, Name = name2[..Math.Min(name2.Length, 100)], SecretHash = hash, Scopes = wanted,
            ExpiresAt = request.ExpiresAt, CreatedAt = clock.GetUtcNow(),
        };
        await grains.GetGrain<IApiKeyGrain>(GrainKeys.For(caller.Tenant, id)).CreateAsync(key);
        await grains.GetGrain<IUserGrain>(GrainKeys.For(caller.Tenant, caller.UserId!)).AddKeyAsync(id);
        return Outcome<ApiKeyDto>.Ok(ToDto(key) with { Secret = token });
    }

    public static ApiKeyDto ToDto(ApiKeyState k) =>
        new(k.Id, k.Name, ScopeNames(k.Scopes), k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);

    public static IReadOnlyList<string> ScopeNames(Scope scopes) =>
        Enum.GetValues<Scope>().Where(s => s is not (Scope.None or Scope.All) && scopes.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToList();

    /// <summary>A role as the API writes it: viewer, editor, tenantAdmin (the same names it accepts).</summary>
    public static string RoleName(Role role) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    public static bool TryParseRole(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && role != Role.None && Enum.IsDefined(role);

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{0,63}$")]
    private static partial Regex UserNamePattern();
}
