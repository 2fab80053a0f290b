using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Identity;
using ImageVault.Silo.Api;

namespace ImageVault.Silo.Security;

/// <summary>What a route needs, declared where it is mapped. <see cref="AlbumScoped"/>: the route's <c>{id}</c> is an album whose grants count too.</summary>
public sealed record AccessRule(Permission Permission, bool AlbumScoped = false);

/// <summary>
/// Enforces every route's <see cref="AccessRule"/> through <see cref="AccessPolicy"/>, before the
/// endpoint runs. A route without a rule is refused (and the start-up check refuses to start with one).
/// </summary>
public sealed class AccessGate(RequestDelegate next, IGrainFactory grains)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || endpoint.DisplayName?.StartsWith("405 ", StringComparison.Ordinal) == true)
        {
            await next(http); // no route (404) or a known path with another method (405): routing answers
            return;
        }
        var rule = endpoint.Metadata.GetMetadata<AccessRule>();
        var caller = CallerContext.Of(http);
        var decision = rule is null ? AccessDecision.Forbidden : AccessPolicy.Decide(caller, rule.Permission);
        if (decision == AccessDecision.Forbidden && rule is { AlbumScoped: true } && caller.UserId is { } userId
            && http.Request.RouteValues["id"] is string albumId && GrainKeys.IsValidId(albumId)
            && await grains.GetGrain<IAlbumGrain>(GrainKeys.For(caller.Tenant, albumId)).GetAsync() is { } album)
            decision = AccessPolicy.Decide(caller, rule.Permission, album.Grants.GetValueOrDefault(userId));
        switch (decision)
        {
            case AccessDecision.Allow:
                await next(http);
                return;
            case AccessDecision.Unauthenticated:
                var code = CallerContext.Refusal(http) ?? ErrorCodes.Unauthenticated;
                if (Problems.StatusOf(code) == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Of(code, code == ErrorCodes.Unauthenticated ? "sign in, or send an API key as a bearer token" : "the credentials were not accepted").ExecuteAsync(http);
                return;
            default:
                await Problems.Of(ErrorCodes.Forbidden, $"this needs the {rule?.Permission.ToString() ?? "unknown"} permission").ExecuteAsync(http);
                return;
        }
    }
}

public static class AccessRules
{
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Permission permission, bool albumScoped = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRule(permission, albumScoped));

    /// <summary>Fails the start when any route was mapped without declaring its access: nothing is open by omission.</summary>
    public static void VerifyAllDeclared(IEnumerable<EndpointDataSource> sources)
    {
        var missing = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<AccessRule>() is null).Select(e => e.RoutePattern.RawText).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"routes without an access rule: {string.Join(", ", missing)}");
    }
}
