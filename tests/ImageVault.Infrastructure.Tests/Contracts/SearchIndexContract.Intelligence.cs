using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Tests.Contracts;

/// <summary>The analysis side of the contract: kNN by embedding, colour and OCR text, stacked images.</summary>
public abstract partial class SearchIndexContract
{
    /// <summary>A unit vector in 512 dimensions pointing between axes <paramref name="a"/> and <paramref name="b"/>.</summary>
    protected static float[] Vector(int a, double weightA = 1, int b = 1, double weightB = 0)
    {
        var v = new float[512];
        v[a] += (float)weightA;
        v[b] += (float)weightB;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public async Task Similar_images_come_nearest_first_live_and_from_the_tenant_only()
    {
        var same = await PutAll(Doc(d => d with { Embedding = Vector(0) }));
        var close = await PutAll(Doc(d => d with { Embedding = Vector(0, 1, 1, 0.3) }));
        var far = await PutAll(Doc(d => d with { Embedding = Vector(1) }));
        await PutAll(Doc(d => d with { Embedding = Vector(0), Trashed = true }), Doc(d => d with { Embedding = null }));
        await Index.UpsertAsync(Doc(d => d with { Tenant = $"o{Guid.NewGuid():N}"[..20], Embedding = Vector(0) }));

        var hits = await Index.SimilarAsync(Tenant, Vector(0), 10);
        Assert.Equal([same[0].Id, close[0].Id, far[0].Id], hits.Select(h => h.Document.Id));
        Assert.Equal(1.0, hits[0].Similarity, 3);
        Assert.Equal(1 / Math.Sqrt(1.09), hits[1].Similarity, 3);
        Assert.Equal(0.0, hits[2].Similarity, 3);
        Assert.Equal(2, (await Index.SimilarAsync(Tenant, Vector(0), 2)).Count);
    }

    [Fact]
    public async Task A_new_vector_replaces_the_old_and_a_delete_removes_it()
    {
        var doc = (await PutAll(Doc(d => d with { Embedding = Vector(3) })))[0];
        await Index.UpsertAsync(doc with { Version = 2, Embedding = Vector(4) });
        Assert.Equal(1.0, (await Index.SimilarAsync(Tenant, Vector(4), 5)).Single().Similarity, 3);
        await Index.DeleteAsync(Tenant, doc.Id, 3);
        Assert.Empty(await Index.SimilarAsync(Tenant, Vector(4), 5));
    }

    [Fact]
    public async Task Colour_names_hex_cells_text_and_stacks_filter()
    {
        var docs = await PutAll(
            Doc(d => d with { Colours = ["red", "white"], ColourCells = ["c6_7_5"], Text = "NO PARKING\n禁止停车", Stage = "ready" }),
            Doc(d => d with { Colours = ["blue"], ColourCells = ["c3_1_-8"] }),
            Doc(d => d with { Colours = ["red"], Stacked = true }));
        Assert.Equal([docs[0].Id], await IdsOf(new() { Colours = ["red"] }));
        Assert.Equal([docs[0].Id, docs[2].Id], await IdsOf(new() { Colours = ["red"], IncludeStacked = true }));
        Assert.Equal([docs[1].Id], await IdsOf(new() { ColourCells = ["c0_0_0", "c3_1_-8"] }));
        Assert.Equal([docs[0].Id], await IdsOf(new() { Text = "parking" }));
        Assert.Equal([docs[0].Id], await IdsOf(new() { Text = "停车" }));
        Assert.Equal([docs[0].Id], await IdsOf(new() { Text = "禁止停车" }));
        Assert.Equal([docs[0].Id], await IdsOf(new() { Text = "red" })); // colour names are words too
        var facets = (await Index.SearchAsync(Tenant, new() { Facets = true })).Facets!;
        Assert.Contains(("red", 1L), facets[SearchFacets.Colours]);
        Assert.Contains(("none", 2L), facets[SearchFacets.Analysis]);
        Assert.Contains(("ready", 1L), facets[SearchFacets.Stages]);
    }

    private async Task<ImageSearchDocument[]> PutAll(params ImageSearchDocument[] docs)
    {
        foreach (var d in docs) await Index.UpsertAsync(d);
        return docs;
    }

    private async Task<string[]> IdsOf(ImageSearchQuery q) => (await Index.SearchAsync(Tenant, q)).Items.Select(i => i.Id).Order().ToArray();
}
