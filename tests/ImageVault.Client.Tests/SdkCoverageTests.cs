using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageVault.Testing;

namespace ImageVault.Client.Tests;

/// <summary>Every public route in the checked-in OpenAPI contract has a method in the SDK (browser-only and operational routes aside).</summary>
public partial class SdkCoverageTests
{
    private static readonly string[] NotForTheSdk = ["/healthz", "/readyz", "/metrics", "/api/v1/auth/oidc/"]; // probes, scraping, and a browser redirect flow

    [Fact]
    public void Every_api_route_has_an_sdk_method()
    {
        var contract = JsonNode.Parse(File.ReadAllText(RepoPaths.Docs(Path.Combine("openapi", "v1.json"))))!["paths"]!.AsObject();
        var sdk = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "client", "ImageVault.Client"), "*.cs").Select(File.ReadAllText));
        var called = Literal().Matches(sdk).Select(m => Normalise(m.Groups[1].Value)).ToHashSet();
        var missing = contract.Select(p => p.Key).Where(p => !NotForTheSdk.Any(p.StartsWith)).Where(p => !called.Contains(Normalise(p.TrimStart('/')))).ToList();
        Assert.True(missing.Count == 0, "routes without an SDK method: " + string.Join(", ", missing));
    }

    /// <summary>Route templates and interpolated strings both become "api/v1/images/{}/tags".</summary>
    private static string Normalise(string path)
    {
        var holes = Holes().Replace(path.Split('?')[0], "{}").TrimEnd('/');
        return holes.EndsWith("{}", StringComparison.Ordinal) && !holes.EndsWith("/{}", StringComparison.Ordinal) ? holes[..^2] : holes; // a trailing query hole
    }

    [GeneratedRegex("\"(api/v1/[^\"]*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{[^{}]*(\{[^{}]*\}[^{}]*)*\}")]
    private static partial Regex Holes();
}
