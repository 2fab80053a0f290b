using System.Security.Cryptography;
using System.Text;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Identity;

namespace ImageVault.Silo.Security;

/// <summary>
/// Turns the request's credential into a <see cref="Caller"/>: the operator token (configuration
/// <c>ImageVault:Admin:Token</c>), an API key or a session (bearer token, or the <c>iv_session</c>
/// cookie). Each check goes to the credential's grain, then to the user and the tenant, so a
/// revocation, a disabled user or a suspended tenant counts from the next request on, on every silo.
/// A refused credential leaves the caller anonymous and records why; the gate answers 401 with it.
/// </summary>
public sealed class CallerResolver(RequestDelegate next, IGrainFactory grains, IConfiguration configuration)
{
    public const string SessionCookie = "iv_session";

    /// <summary>The tenant an operator acts for (default: the default tenant).</summary>
    public const string TenantHeader = "X-ImageVault-Tenant";

    /// <summary>Cookie-authenticated changes must carry this header: another site's form cannot set it.</summary>
    public const string CsrfHeader = "X-ImageVault-Csrf";

    public async Task InvokeAsync(HttpContext http)
    {
        CallerContext.Set(http, await ResolveAsync(http));
        await next(http);
    }

    private async Task<Caller> ResolveAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var viaCookie = false;
        string? token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (token is null && http.Request.Cookies.TryGetValue(SessionCookie, out var cookie)) (token, viaCookie) = (cookie, true);
        if (string.IsNullOrEmpty(token)) return Caller.Anonymous;

        if (IsOperatorToken(token))
        {
            var tenant = http.Request.Headers[TenantHeader].FirstOrDefault() ?? GrainKeys.DefaultTenant;
            if (GrainKeys.IsValidTenant(tenant)) return new Caller(CallerKind.Operator, tenant, null, null, Role.TenantAdmin, Scope.All, null);
            return Refused(http, ErrorCodes.InvalidRequest);
        }

        var parsed = Credentials.Parse(token);
        if (parsed is null || parsed.Kind is not (Credentials.ApiKey or Credentials.Session)) return Refused(http, ErrorCodes.InvalidCredentials);
        if (viaCookie && parsed.Kind != Credentials.Session) return Refused(http, ErrorCodes.InvalidCredentials);
        if (viaCookie && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !http.Request.Headers.ContainsKey(CsrfHeader))
            return Refused(http, ErrorCodes.CsrfHeaderMissing);

        var key = GrainKeys.For(parsed.Tenant, parsed.Id);
        var check = parsed.Kind == Credentials.ApiKey
            ? await grains.GetGrain<IApiKeyGrain>(key).CheckAsync(parsed.Hash)
            : await grains.GetGrain<ISessionGrain>(key).CheckAsync(parsed.Hash);
        switch (check.Problem)
        {
            case CredentialProblem.Expired: return Refused(http, ErrorCodes.CredentialsExpired);
            case CredentialProblem.Revoked: return Refused(http, ErrorCodes.CredentialsRevoked);
            case CredentialProblem.Unknown: return Refused(http, ErrorCodes.InvalidCredentials);
        }
        var user = await grains.GetGrain<IUserGrain>(GrainKeys.For(parsed.Tenant, check.UserId)).GetAsync();
        if (user is null || user.Disabled) return Refused(http, ErrorCodes.InvalidCredentials);
        var tenantState = await grains.GetGrain<ITenantGrain>(parsed.Tenant).GetAsync();
        if (tenantState is null || tenantState.Status == TenantStatus.Deleting) return Refused(http, ErrorCodes.InvalidCredentials);
        if (tenantState.Status == TenantStatus.Suspended) return Refused(http, ErrorCodes.TenantSuspended);
        var kind = parsed.Kind == Credentials.ApiKey ? CallerKind.ApiKey : CallerKind.Session;
        return new Caller(kind, parsed.Tenant, user.Id, user.UserName, user.Role, check.Scopes, parsed.Id);
    }

    private bool IsOperatorToken(string token)
    {
        var configured = configuration["ImageVault:Admin:Token"];
        if (string.IsNullOrEmpty(configured)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }

    private static Caller Refused(HttpContext http, string code)
    {
        CallerContext.Refuse(http, code);
        return Caller.Anonymous;
    }
}
