using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Security;

/// <summary>
/// Writes one audit entry per change (every non-GET request that reached a route, allowed or not) and
/// per admin request (any method): who (caller ids, never a secret), what (method and route pattern),
/// which (the route's ids), the status, when, and from where (address, user agent). Bodies are never
/// read here, so passwords and tokens cannot leak into the log.
/// </summary>
public sealed partial class AuditTrail(RequestDelegate next, IAuditLog audit, TimeProvider clock, ILogger<AuditTrail> log)
{
    private const int MaxUserAgent = 200;

    public async Task InvokeAsync(HttpContext http)
    {
        try { await next(http); }
        finally
        {
            if (http.GetEndpoint() is RouteEndpoint endpoint && ShouldAudit(http.Request.Method, endpoint.Metadata.GetMetadata<AccessRule>()))
                await AppendAsync(http, endpoint);
        }
    }

    private static bool ShouldAudit(string method, AccessRule? rule) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        || rule?.Permission is Permission.TenantAdmin or Permission.SystemAdmin;

    private async Task AppendAsync(HttpContext http, RouteEndpoint endpoint)
    {
        var caller = CallerContext.Of(http);
        var (subjectTenant, subjectActor) = CallerContext.AuditSubject(http);
        var tenant = subjectTenant ?? (caller.Tenant.Length > 0 ? caller.Tenant : IAuditLog.SystemTenant);
        if (endpoint.Metadata.GetMetadata<AccessRule>()?.Permission == Permission.SystemAdmin) tenant = IAuditLog.SystemTenant;
        var target = string.Join(" ", http.Request.RouteValues.Where(v => v.Key is not ("token" or "size")).Select(v => $"{v.Key}={v.Value}"));
        var ua = http.Request.Headers.UserAgent.ToString();
        var entry = new AuditEntry(0, clock.GetUtcNow(), tenant, subjectActor ?? caller.Actor, $"{http.Request.Method} {endpoint.RoutePattern.RawText}",
            target.Length == 0 ? null : target, http.Response.StatusCode, http.Connection.RemoteIpAddress?.ToString(), ua.Length == 0 ? null : ua[..Math.Min(ua.Length, MaxUserAgent)]);
        try { await audit.AppendAsync(entry, CancellationToken.None); }
        catch (Exception e) { LogAuditFailed(entry.Action, e); }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the audit entry for {Action} failed")]
    private partial void LogAuditFailed(string action, Exception e);
}
