using System.Threading.RateLimiting;
using ImageVault.Contracts;
using ImageVault.Silo.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Security;

/// <summary>
/// Per-silo request rate limits: a token bucket per caller (user or key; the address when anonymous)
/// for every route, and a tighter window per address for password sign-ins and share-link unlocks.
/// Refusals are 429 problems with Retry-After. Tenant-wide upload rates are the tenant grain's quota
/// (cluster-wide); these limits protect each silo.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddImageVaultRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var caller = CallerContext.Of(http);
                var key = caller.UserId is { } user ? $"{caller.Tenant}/{user}" : caller.Kind == Grains.Identity.CallerKind.Operator ? "operator" : $"ip:{http.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst, TokensPerPeriod = options.RequestsPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.AddPolicy(SignInPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                await Problems.RetryLater(context.HttpContext, ErrorCodes.RateLimited, "too many requests; retry after the Retry-After delay", wait).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
