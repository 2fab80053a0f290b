namespace ImageVault.Grains.Abstractions.Identity;

/// <summary>
/// One OpenID Connect sign-in in flight (key <c>"{tenant}/{state}"</c>): the nonce, PKCE verifier and
/// return address between the redirect to the provider and the callback, which may reach another
/// silo. Kept in memory only and taken once; a sign-in lost with its silo is simply started again.
/// </summary>
[Alias("iv.IOidcLoginGrain")]
public interface IOidcLoginGrain : IGrainWithStringKey
{
    [Alias("Begin")] Task BeginAsync(PendingOidcLogin login);
    [Alias("Take")] Task<PendingOidcLogin?> TakeAsync();
}

[GenerateSerializer, Alias("iv.PendingOidcLogin")]
public sealed record PendingOidcLogin(
    [property: Id(0)] string Nonce, [property: Id(1)] string CodeVerifier, [property: Id(2)] string RedirectUri,
    [property: Id(3)] string ReturnUrl, [property: Id(4)] DateTimeOffset ExpiresAt);
