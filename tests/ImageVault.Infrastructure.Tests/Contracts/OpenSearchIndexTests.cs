using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.OpenSearch;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>
/// A fresh index on the OpenSearch server named by <c>IMAGEVAULT_TEST_OPENSEARCH</c> (deploy/ci/opensearch.sh
/// starts OpenSearch 2.5.0 and prints it). Without it the tests fail loudly.
/// </summary>
public sealed class OpenSearchIndexFixture : IAsyncLifetime
{
    public const string Variable = "IMAGEVAULT_TEST_OPENSEARCH";
    public string Endpoint { get; } = Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set: start OpenSearch with deploy/ci/opensearch.sh (the README's test command does).");
    public string IndexName { get; } = $"iv-test-{Guid.NewGuid():N}";
    public OpenSearchImageSearchIndex Index { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Index = new OpenSearchImageSearchIndex(new OpenSearchOptions { Endpoint = Endpoint, Index = IndexName });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Index.Dispose();
        using var http = new HttpClient();
        await http.DeleteAsync($"{Endpoint}/{IndexName}");
    }
}

public sealed class OpenSearchIndexTests(OpenSearchIndexFixture fixture) : SearchIndexContract, IClassFixture<OpenSearchIndexFixture>
{
    protected override IImageSearchIndex Index => fixture.Index;

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error()
    {
        using var dead = new OpenSearchImageSearchIndex(new OpenSearchOptions { Endpoint = "http://127.0.0.1:1", Index = "x" });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => dead.SearchAsync("t", new ImageSearchQuery()));
    }
}
