namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>
/// One API key (key <c>"{tenant}/{keyId}"</c>). Only the SHA-256 of the secret is kept: the secret is
/// shown once. Every request checks the key here, so a revocation holds from the next request on, on
/// every silo (the grain has one activation in the cluster).
/// </summary>
[Alias("iv.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<bool> CreateAsync(ApiKeyState key);
    [Alias("Get")] Task<ApiKeyState?> GetAsync();
    [Alias("Check")] Task<CredentialCheck> CheckAsync(byte[] secretHash);
    [Alias("Revoke")] Task<bool> RevokeAsync();
}

/// <summary>A sign-in session (key <c>"{tenant}/{sessionId}"</c>), used as a cookie by the web UI and as a bearer token by scripts.</summary>
[Alias("iv.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("Create")] Task CreateAsync(string userId, byte[] secretHash, DateTimeOffset expiresAt, string method);
    [Alias("Check")] Task<CredentialCheck> CheckAsync(byte[] secretHash);
    [Alias("End")] Task EndAsync();
}

[GenerateSerializer, Alias("iv.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string UserId { get; set; } = "";
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public byte[] SecretHash { get; set; } = [];
    [Id(4)] public Scope Scopes { get; set; }
    [Id(5)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(8)] public DateTimeOffset? LastUsedAt { get; set; }

    public bool Exists => Id.Length > 0;
}

[GenerateSerializer, Alias("iv.SessionState")]
public sealed class SessionState
{
    [Id(0)] public string UserId { get; set; } = "";
    [Id(1)] public byte[] SecretHash { get; set; } = [];
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public string Method { get; set; } = "";
    [Id(4)] public bool Ended { get; set; }
}

public enum CredentialProblem { None = 0, Unknown, Expired, Revoked }

/// <summary>The outcome of checking a presented secret: whose it is and what it may do, or why not.</summary>
[GenerateSerializer, Alias("iv.CredentialCheck")]
public sealed record CredentialCheck([property: Id(0)] CredentialProblem Problem, [property: Id(1)] string UserId, [property: Id(2)] Scope Scopes)
{
    public static CredentialCheck Fail(CredentialProblem p) => new(p, "", Scope.None);
}
