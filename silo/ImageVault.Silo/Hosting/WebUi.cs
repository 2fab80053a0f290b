using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using Microsoft.Extensions.FileProviders;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// Serves the web UI built from client/web into <c>webui/</c> beside the silo binaries: its files, and
/// its page addresses (all answered with index.html, the app routes in the browser). The pages get the
/// strict page CSP from <see cref="SecurityHeaders"/>; the script and stylesheet are files, never inline.
/// </summary>
public static class WebUi
{
    private static readonly string[] Pages = ["/", "/sign-in", "/images/{id}", "/albums", "/albums/{id}", "/search", "/duplicates", "/admin", "/s/{token}"];

    public static WebApplication UseImageVaultWebUi(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "webui");
        if (!Directory.Exists(root)) return app; // built without Node.js: the API still works
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache", // revalidated by ETag; the names carry no hash
        });
        foreach (var page in Pages)
            app.MapGet(page, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return Results.File(files.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8");
            }).RequireAccess(Permission.Public).ExcludeFromDescription();
        return app;
    }
}
