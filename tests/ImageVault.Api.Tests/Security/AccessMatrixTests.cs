using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageVault.Api.Tests.Security;

/// <summary>
/// Generated from the route table: every route × anonymous, viewer, editor, tenant admin, an API key
/// without the route's scope, the admin of another tenant, and the operator. Refusals come first and
/// use real ids (so a policy hole would act on real data and show); allowed callers of destructive
/// routes use ids that do not exist, so the run leaves the fixture intact. Writes docs/security-matrix.md.
/// </summary>
public class AccessMatrixTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    private enum Who { Anonymous, Viewer, Editor, TenantAdmin, KeyWithoutScope, OtherTenantAdmin, Operator }

    private sealed record Route(string Method, string Pattern, Permission Expected);

    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var routes = RouteTable();
        var failures = new List<string>();
        var report = new StringBuilder("# Access matrix (generated)\n\nWritten by `AccessMatrixTests` from the live route table. ")
            .Append("✓ allowed · 401 needs sign-in · 403 refused by role or scope · 404 another tenant's resource (does not exist for the caller).\n\n")
            .Append("| route | needs | ").Append(string.Join(" | ", Enum.GetNames<Who>())).Append(" |\n|---|---|").Append(string.Concat(Enum.GetNames<Who>().Select(_ => "---|"))).Append('\n');
        foreach (var route in routes)
        {
            var cells = new List<string>();
            foreach (var who in new[] { Who.Anonymous, Who.Viewer, Who.KeyWithoutScope, Who.OtherTenantAdmin, Who.Editor, Who.TenantAdmin, Who.Operator })
            {
                var expected = Expect(route, who);
                var (status, code) = await CallAsync(route, who, destructiveSafe: expected == "✓");
                var actual = Classify(status, code);
                if (actual == "404" && expected == "✓") actual = "✓"; // allowed, and the id does not exist (a destructive route's stand-in, no provider configured)
                if (actual != expected) failures.Add($"{route.Method} {route.Pattern} as {who}: expected {expected}, got {(int)status} {code}");
                cells.Add(actual == expected ? actual : $"**{actual}**");
            }
            var ordered = new[] { 0, 1, 4, 5, 2, 3, 6 }.Select(i => cells[i]); // back to the column order
            report.Append($"| `{route.Method} {route.Pattern}` | {route.Expected} | {string.Join(" | ", ordered)} |\n");
        }
        report.Append($"\n{routes.Count} routes × {Enum.GetValues<Who>().Length} callers; {failures.Count} mismatches.\n");
        await File.WriteAllTextAsync(RepoPaths.Docs("security-matrix.md"), report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_route_in_the_table_is_classified()
    {
        var unclassified = Endpoints().Where(e => AccessMatrix.For(e.Method, e.Pattern) is null).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(unclassified.Count == 0, "classify these routes in AccessMatrix: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task Hostile_ids_in_every_route_parameter_are_refused_cleanly()
    {
        string[] hostile = ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "ABC", "a%01b", new string('a', 300), "%3Cscript%3E", "a%5Cb", "%252e%252e%252f"];
        var admin = world.App.CreateClientWithToken(world.Acme.AdminToken);
        // API routes only: the web UI's pages answer every address with the same page.
        foreach (var route in RouteTable().Where(r => r.Pattern.Contains('{') && (r.Pattern.StartsWith("/api/", StringComparison.Ordinal) || r.Pattern.StartsWith("/openapi/", StringComparison.Ordinal))))
        foreach (var id in hostile)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route.Pattern, @"\{[a-zA-Z]+\}", id);
            var client = route.Expected == Permission.SystemAdmin ? world.App.CreateOperatorClient() : admin;
            using var response = await client.SendAsync(Request(route.Method, path));
            var body = await response.Content.ReadAsStringAsync();
            // Dot segments are resolved before routing ("/shared/%2e%2e/search" is "/search"), so a 2xx may come from
            // the route the path really names; what must never happen is a crash, a gate without a rule, or a file.
            Assert.True((int)response.StatusCode < 500 && Code(body) != "auth.forbidden" && !body.Contains("root:x:0:0", StringComparison.Ordinal),
                $"{route.Method} {path}: {(int)response.StatusCode} {body}");
            if (!id.Contains("2e", StringComparison.Ordinal) && id != "..")
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{route.Method} {path}: {(int)response.StatusCode} {body}");
        }
    }

    private List<Route> RouteTable() =>
        Endpoints().Where(e => !e.Pattern.StartsWith("/admin/dashboard", StringComparison.Ordinal) || e.Pattern == "/admin/dashboard")
            .Select(e => new Route(e.Method, e.Pattern, AccessMatrix.For(e.Method, e.Pattern) ?? throw new InvalidOperationException($"unclassified {e.Method} {e.Pattern}")))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();

    private IEnumerable<(string Method, string Pattern)> Endpoints()
    {
        _ = world.App.Server; // the host must be built for its route table
        return world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, Normalise(e.RoutePattern.RawText ?? ""))))
            .Distinct();
    }

    private static string Normalise(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') is { Length: > 0 } p ? p : "/" : pattern;

    private static string Expect(Route route, Who who)
    {
        var p = route.Expected;
        if (p == Permission.Public || who == Who.Operator) return "✓";
        if (who == Who.Anonymous) return "401";
        if (p == Permission.SystemAdmin) return "403";
        if (p == Permission.SignedIn) return "✓";
        if (who == Who.OtherTenantAdmin) return HasTenantResource(route) ? "404" : "✓";
        if (who == Who.KeyWithoutScope) return "403";
        var role = who switch { Who.Viewer => Role.Viewer, Who.Editor => Role.Editor, _ => Role.TenantAdmin };
        return role >= Grains.Identity.AccessPolicy.MinimumRole(p) ? "✓" : "403";
    }

    private static bool HasTenantResource(Route route) => route.Pattern.Contains("{id}") || route.Pattern.Contains("{groupId}") || route.Pattern.Contains("/compare");

    private static string Classify(HttpStatusCode status, string? code) => ((int)status, code) switch
    {
        (401, "auth.unauthenticated" or "auth.invalid_credentials") => "401",
        (403, "auth.forbidden") => "403",
        (404, _) => "404",
        (>= 500, _) => $"{(int)status}",
        _ => "✓",
    };

    private async Task<(HttpStatusCode, string?)> CallAsync(Route route, Who who, bool destructiveSafe)
    {
        var a = world.Acme;
        var destructive = route.Method == "DELETE" || route.Pattern.EndsWith("/purge", StringComparison.Ordinal) || route.Pattern.EndsWith("/sign-out", StringComparison.Ordinal);
        var throwaway = Grains.Abstractions.GrainKeys.NewId();
        string Id(string real) => destructive && destructiveSafe ? throwaway : real;
        var path = route.Pattern
            .Replace("/images/{id}", $"/images/{Id(a.ImageId)}").Replace("/albums/{id}", $"/albums/{Id(a.AlbumId)}")
            .Replace("/me/keys/{id}", $"/me/keys/{Id(a.ReadKeyId)}").Replace("/tenant/users/{id}", $"/tenant/users/{Id(a.ViewerUserId)}")
            .Replace("/shares/{id}", $"/shares/{Id(a.ShareId)}").Replace("{groupId}", Grains.Abstractions.GrainKeys.NewId())
            .Replace("{size}", "small").Replace("{token}", a.ShareToken)
            .Replace("/system/tenants/{tenant}", destructive && destructiveSafe ? "/system/tenants/no-such-tenant" : "/system/tenants/acme")
            .Replace("{tenant}", "acme");
        if (route.Pattern.EndsWith("/compare", StringComparison.Ordinal)) path += $"?a={a.ImageId}&b={a.ImageId}";
        if (route.Pattern == "/admin/dashboard") path += "/"; // its root redirects there, and clients drop credentials on redirects
        var token = who switch
        {
            Who.Viewer => a.ViewerToken,
            Who.Editor => a.EditorToken,
            Who.TenantAdmin => a.AdminToken,
            Who.KeyWithoutScope => route.Expected == Permission.Read ? a.UploadKey : a.ReadKey,
            Who.OtherTenantAdmin => world.Globex.AdminToken,
            Who.Operator => ImageVaultApp.OperatorToken,
            _ => null,
        };
        if (destructive && destructiveSafe && route.Pattern.EndsWith("/sign-out", StringComparison.Ordinal) && who is Who.Viewer or Who.Editor or Who.TenantAdmin or Who.OtherTenantAdmin)
            token = await world.App.SignInAsync(who == Who.OtherTenantAdmin ? "globex" : "acme", who switch { Who.Viewer => "vi", Who.Editor => "ed", _ => "boss" }, SecurityWorld.Password);
        var client = world.App.CreateAnonymousClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (who == Who.Operator) client.DefaultRequestHeaders.Add("X-ImageVault-Tenant", "acme");
        using var request = Request(route.Method, path);
        // A valid body, so that the answer is about the album's existence and not about the body.
        if (ValidBodies.TryGetValue(route.Pattern, out var valid)) request.Content = new StringContent(valid, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // Tenant routes only: public ones (share links are capabilities, sign-in names its tenant) are not scoped by the caller.
        // The audit log lists the caller's own requests, including the foreign ids it tried.
        if (who == Who.OtherTenantAdmin && response.IsSuccessStatusCode && route.Expected is not (Permission.Public or Permission.SignedIn) && !route.Pattern.EndsWith("/audit", StringComparison.Ordinal))
            foreach (var secret in new[] { a.ImageId, a.AlbumId, a.ViewerUserId, a.ShareId }.Where(s => !path.Contains(s)))
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{route.Method} {path} showed acme's {secret} to globex");
        return (response.StatusCode, Code(body));
    }

    private static readonly Dictionary<string, string> ValidBodies = new()
    {
        ["/api/v1/albums/{id}/images"] = """{"add":["0"]}""",
        ["/api/v1/images/{id}/similar/tags"] = """{"tag":"x"}""",
        ["/api/v1/duplicates/{groupId}/resolve"] = """{"action":"dismiss"}""",
        ["/api/v1/auth/sign-in"] = $$"""{"tenant":"acme","userName":"vi","password":"{{SecurityWorld.Password}}"}""",
    };

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private static string? Code(string body)
    {
        try { return System.Text.Json.JsonDocument.Parse(body).RootElement is { ValueKind: System.Text.Json.JsonValueKind.Object } root && root.TryGetProperty("code", out var c) ? c.GetString() : null; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
