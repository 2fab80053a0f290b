namespace ImageVault.Silo.Security;

/// <summary>
/// Headers on every response. Pages get a strict CSP (scripts and styles from this origin only, no
/// inline script, no framing); API answers are data and get <c>default-src 'none'</c>. Uploaded bytes
/// get their own sandboxing CSP where they are served (MediaEndpoints).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string PageCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            if (!h.ContainsKey("Content-Security-Policy"))
                h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api") ? "default-src 'none'; frame-ancestors 'none'" : PageCsp;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
