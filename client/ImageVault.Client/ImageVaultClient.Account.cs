using System.Net.Http.Json;
using ImageVault.Contracts;

namespace ImageVault.Client;

public sealed partial class ImageVaultClient
{
    /// <summary>Signs in by password and returns a session whose token works as a bearer token.</summary>
    public Task<SessionDto> SignInAsync(string userName, string password, string? tenant = null, CancellationToken ct = default) =>
        SendJsonAsync<SessionDto>(HttpMethod.Post, "api/v1/auth/sign-in", new SignInDto(tenant, userName, password), ct);

    /// <summary>Ends the current session.</summary>
    public Task SignOutAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "api/v1/auth/sign-out", null, ct);

    /// <summary>Who the client is signed in as: tenant, user, role, scopes.</summary>
    public Task<MeDto> GetMeAsync(CancellationToken ct = default) => GetAsync<MeDto>("api/v1/me", ct);

    /// <summary>The caller's API keys (never their secrets).</summary>
    public Task<List<ApiKeyDto>> ListApiKeysAsync(CancellationToken ct = default) => GetAsync<List<ApiKeyDto>>("api/v1/me/keys", ct);

    /// <summary>Creates an API key; <see cref="ApiKeyDto.Secret"/> is filled only in this answer.</summary>
    public Task<ApiKeyDto> CreateApiKeyAsync(string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt = null, CancellationToken ct = default) =>
        SendJsonAsync<ApiKeyDto>(HttpMethod.Post, "api/v1/me/keys", new NewApiKeyDto(name, scopes, expiresAt), ct);

    /// <summary>Revokes one of the caller's API keys.</summary>
    public Task RevokeApiKeyAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/me/keys/{Id(id)}", null, ct);
}
