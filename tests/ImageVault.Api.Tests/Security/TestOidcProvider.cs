using System.Security.Claims;
using ImageVault.Testing;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImageVault.Api.Tests.Security;

/// <summary>
/// A real OpenID Connect provider for the tests, built on OpenIddict and served by Kestrel on a
/// loopback port: discovery, signing keys, an authorization endpoint that signs in
/// <see cref="NextUser"/> at once (the stand-in for a login page), and a token endpoint that
/// enforces PKCE for a public client registered with one redirect address.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "imagevault-test";
    private readonly WebApplication _app;

    private TestOidcProvider(WebApplication app, Uri authority) => (_app, Authority) = (app, authority);

    public Uri Authority { get; }

    /// <summary>Who the provider signs in next: subject, user name, display name.</summary>
    public (string Subject, string UserName, string Name) NextUser { get; set; } = ("sub-alice-1", "alice", "Alice Example");

    public static async Task<TestOidcProvider> StartAsync(string redirectUri)
    {
        var port = ImageVaultApp.FreePort();
        var authority = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(authority.ToString());
        builder.Logging.ClearProviders();
        var database = $"oidc-{Guid.NewGuid():N}";
        builder.Services.AddDbContext<DbContext>(o => o.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(authority);
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        TestOidcProvider? provider = null;
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            var (subject, userName, name) = provider!.NextUser;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.PreferredUsername, userName).SetClaim(Claims.Name, name)
                .SetClaim(Claims.Email, $"{userName}@example.test");
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var client = new OpenIddictApplicationDescriptor { ClientId = ClientId, ClientType = ClientTypes.Public, DisplayName = "ImageVault tests" };
            client.RedirectUris.Add(new Uri(redirectUri));
            foreach (var permission in new[]
                     {
                         Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                         Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
                     })
                client.Permissions.Add(permission);
            client.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            await manager.CreateAsync(client);
        }
        return provider = new TestOidcProvider(app, authority);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
