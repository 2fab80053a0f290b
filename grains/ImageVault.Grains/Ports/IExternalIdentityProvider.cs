using ImageVault.Grains.Abstractions.Identity;

namespace ImageVault.Grains.Ports;

/// <summary>
/// A tenant's external OpenID Connect provider: the authorization-code flow with PKCE. The adapter
/// discovers the provider, redeems the code at its token endpoint and validates the ID token
/// (signature against the provider's keys, issuer, audience, lifetime, nonce).
/// </summary>
public interface IExternalIdentityProvider
{
    Task<Uri> AuthorizationUrlAsync(OidcSettings provider, string redirectUri, string state, string nonce, string codeChallenge, CancellationToken ct = default);

    /// <summary>The validated identity; throws <see cref="ExternalSignInException"/> when the provider or its token is not acceptable.</summary>
    Task<ExternalIdentity> RedeemCodeAsync(OidcSettings provider, string code, string redirectUri, string codeVerifier, string nonce, CancellationToken ct = default);
}

public sealed record ExternalIdentity(string Issuer, string Subject, string? UserName, string? Email, string? Name);

public sealed class ExternalSignInException(string message, Exception? inner = null) : Exception(message, inner);
