using System.Text.Json;
using System.Text.Json.Nodes;
using ImageVault.Testing;

namespace ImageVault.Client.Tests;

/// <summary>
/// The silo publishes its wire contract at <c>/openapi/v1.json</c>; the checked-in copy in
/// <c>docs/openapi/v1.json</c> must match it, so a change of routes, parameters or bodies is always a
/// deliberate, reviewed change. To accept a change: run with IMAGEVAULT_ACCEPT_OPENAPI=1 and commit the file.
/// </summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private readonly ImageVaultApp _app = new(settings: new Dictionary<string, string?> { ["ImageVault:Analysis:Enabled"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_published_contract_matches_the_checked_in_snapshot()
    {
        var live = Normalise(await _app.CreateAnonymousClient().GetStringAsync("/openapi/v1.json"));
        Assert.Contains("/api/v1/images/{id}", live);
        Assert.Contains("/api/v1/shared/{token}", live);
        var snapshot = RepoPaths.Docs(Path.Combine("openapi", "v1.json"));
        if (Environment.GetEnvironmentVariable("IMAGEVAULT_ACCEPT_OPENAPI") == "1") await File.WriteAllTextAsync(snapshot, live);
        var expected = File.Exists(snapshot) ? await File.ReadAllTextAsync(snapshot) : "";
        if (expected != live) await File.WriteAllTextAsync(snapshot + ".received", live);
        Assert.True(expected == live,
            $"the API contract changed: compare {snapshot}.received with {snapshot}; if the change is intended, run the tests with IMAGEVAULT_ACCEPT_OPENAPI=1 and commit the file");
    }

    /// <summary>Indented, with the server list removed (it names the test host's address).</summary>
    private static string Normalise(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
