using ImageVault.Grains.Identity;

namespace ImageVault.Silo.Security;

/// <summary>The caller resolved for this request (set once by <see cref="CallerResolver"/>), and why credentials were refused if they were.</summary>
public static class CallerContext
{
    private const string CallerItem = "iv.caller", RefusalItem = "iv.auth-refusal", AuditTenantItem = "iv.audit-tenant", AuditActorItem = "iv.audit-actor";

    public static Caller Of(HttpContext http) => http.Items[CallerItem] as Caller ?? Caller.Anonymous;

    public static void Set(HttpContext http, Caller caller) => http.Items[CallerItem] = caller;

    /// <summary>The error code for credentials that came but were not accepted (the gate answers with it when the route needs a caller).</summary>
    public static string? Refusal(HttpContext http) => http.Items[RefusalItem] as string;

    public static void Refuse(HttpContext http, string code) => http.Items[RefusalItem] = code;

    /// <summary>Lets a public route (sign-in, a share link) name the tenant and actor its audit entry belongs to.</summary>
    public static void SetAuditSubject(HttpContext http, string tenant, string actor) => (http.Items[AuditTenantItem], http.Items[AuditActorItem]) = (tenant, actor);

    public static (string? Tenant, string? Actor) AuditSubject(HttpContext http) => (http.Items[AuditTenantItem] as string, http.Items[AuditActorItem] as string);
}
