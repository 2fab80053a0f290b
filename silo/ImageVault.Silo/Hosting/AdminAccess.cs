using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// Operator access to the admin routes and the Orleans dashboard: a bearer token from configuration
/// (<c>ImageVault:Admin:Token</c>, e.g. the environment variable ImageVault__Admin__Token). Compared in
/// constant time, never logged. Without a configured token nobody is an operator. Users, roles and API
/// keys replace this with the tenancy work; the policy name stays.
/// </summary>
public static class AdminAccess
{
    public const string Policy = "operator";
    private const string SchemeName = "OperatorToken";

    public static IServiceCollection AddAdminAccess(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TokenHandler>(SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(SchemeName).RequireRole(Policy));
        return services;
    }

    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var configured = configuration["ImageVault:Admin:Token"];
            var header = Request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(configured) || !header.StartsWith("Bearer ", StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.NoResult());
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..]));
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
            if (!CryptographicOperations.FixedTimeEquals(given, expected)) return Task.FromResult(AuthenticateResult.Fail("wrong operator token"));
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, Policy)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
