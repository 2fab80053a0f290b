using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Search;
using ImageVault.Testing;

namespace ImageVault.Infrastructure.Tests.Contracts;

public sealed class LuceneIndexFixture : IAsyncLifetime
{
    public string Path { get; } = TempFolder.Create("iv-index");
    public LuceneImageSearchIndex Index { get; private set; } = null!;
    public Task InitializeAsync() { Index = new LuceneImageSearchIndex(Path); return Task.CompletedTask; }
    public async Task DisposeAsync() => await Index.DisposeAsync();
}

public sealed class LuceneSearchIndexTests(LuceneIndexFixture fixture) : SearchIndexContract, IClassFixture<LuceneIndexFixture>
{
    protected override IImageSearchIndex Index => fixture.Index;

    [Fact]
    public async Task Acknowledged_writes_survive_reopening_the_index()
    {
        var path = TempFolder.Create("iv-index-reopen");
        var doc = new ImageSearchDocument { Tenant = "reopen", Id = "x1", Version = 3, FileName = "kept.jpg", Format = "jpeg" };
        await using (var first = new LuceneImageSearchIndex(path)) await first.UpsertAsync(doc);
        await using var second = new LuceneImageSearchIndex(path);
        Assert.Equal("kept.jpg", (await second.SearchAsync("reopen", new())).Items.Single().FileName);
    }

    [Fact]
    public async Task Vectors_are_rebuilt_from_the_index_when_it_reopens_and_graphs_grow()
    {
        var path = TempFolder.Create("iv-index-vectors");
        await using (var first = new LuceneImageSearchIndex(path))
            for (var i = 0; i < 300; i++)
                await first.UpsertAsync(new ImageSearchDocument
                {
                    Tenant = "vectors", Id = $"v{i:D3}", Version = 1, FileName = $"{i}.jpg", Format = "jpeg", Embedding = Vector(i % 512, 1, (i + 1) % 512, 0.1),
                });
        await using var second = new LuceneImageSearchIndex(path);
        var hits = await second.SimilarAsync("vectors", Vector(250, 1, 251, 0.1), 3);
        Assert.Equal("v250", hits[0].Document.Id);
        Assert.Equal(1.0, hits[0].Similarity, 3);
    }
}
