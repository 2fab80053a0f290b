using System.Collections.Concurrent;
using System.Text.Json;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Ports;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ImageVault.Infrastructure.Identity;

/// <summary>
/// OpenID Connect over HTTP with Microsoft.IdentityModel: discovery documents and signing keys are
/// cached per authority (refreshed by the configuration manager), the code is redeemed with the PKCE
/// verifier (and the client secret when the tenant configured one), and the ID token is validated.
/// </summary>
public sealed class OpenIdConnectProvider(HttpClient http) : IExternalIdentityProvider
{
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _configurations = new();
    private readonly JsonWebTokenHandler _tokens = new();

    public async Task<Uri> AuthorizationUrlAsync(OidcSettings provider, string redirectUri, string state, string nonce, string codeChallenge, CancellationToken ct = default)
    {
        var config = await DiscoverAsync(provider, ct);
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = provider.ClientId, ["redirect_uri"] = redirectUri, ["scope"] = "openid profile email",
            ["state"] = state, ["nonce"] = nonce, ["code_challenge"] = codeChallenge, ["code_challenge_method"] = "S256",
        };
        return new Uri($"{config.AuthorizationEndpoint}?{string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"))}");
    }

    public async Task<ExternalIdentity> RedeemCodeAsync(OidcSettings provider, string code, string redirectUri, string codeVerifier, string nonce, CancellationToken ct = default)
    {
        var config = await DiscoverAsync(provider, ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["client_id"] = provider.ClientId, ["code_verifier"] = codeVerifier,
        };
        if (provider.ClientSecret is { Length: > 0 } secret) form["client_secret"] = secret;
        using var response = await http.PostAsync(config.TokenEndpoint, new FormUrlEncodedContent(form), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new ExternalSignInException($"the provider refused the code ({(int)response.StatusCode})");
        string idToken;
        try { idToken = JsonDocument.Parse(body).RootElement.GetProperty("id_token").GetString() ?? ""; }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { throw new ExternalSignInException("the provider's token answer had no ID token", e); }

        var result = await _tokens.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = config.Issuer, ValidAudience = provider.ClientId, IssuerSigningKeys = config.SigningKeys,
            ValidateLifetime = true, ClockSkew = TimeSpan.FromMinutes(2), RequireSignedTokens = true,
        });
        if (!result.IsValid) throw new ExternalSignInException("the ID token is not valid", result.Exception);
        var claims = result.ClaimsIdentity;
        if (claims.FindFirst("nonce")?.Value != nonce) throw new ExternalSignInException("the ID token's nonce does not match this sign-in");
        var subject = claims.FindFirst("sub")?.Value ?? throw new ExternalSignInException("the ID token has no subject");
        return new ExternalIdentity(config.Issuer, subject, claims.FindFirst("preferred_username")?.Value, claims.FindFirst("email")?.Value, claims.FindFirst("name")?.Value);
    }

    private async Task<OpenIdConnectConfiguration> DiscoverAsync(OidcSettings provider, CancellationToken ct)
    {
        var manager = _configurations.GetOrAdd($"{provider.Authority}|{provider.RequireHttpsMetadata}", _ => new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{provider.Authority.TrimEnd('/')}/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = provider.RequireHttpsMetadata }));
        try { return await manager.GetConfigurationAsync(ct); }
        catch (Exception e) { throw new ExternalSignInException("the provider's discovery document could not be read", e); }
    }
}
