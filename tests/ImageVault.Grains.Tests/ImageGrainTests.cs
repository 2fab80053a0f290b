using ImageVault.Contracts;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;
using ImageVault.Testing;

namespace ImageVault.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class ImageGrainTests(GrainTestCluster fixture) : GrainTestBase(fixture)
{
    [Fact]
    public async Task Upload_commits_the_record_then_the_pipeline_fills_in_metadata_and_thumbnails()
    {
        var id = await UploadNewAsync(new ExifBuilder { Make = "Acme", Model = "One", DateTimeOriginal = "2015:07:04 10:11:12" });
        var registered = await Image(id).GetAsync();
        Assert.NotNull(registered); // committed before the upload answered

        var state = await WaitProcessedAsync(id);
        Assert.Equal(PipelineStage.Ready, state.Stage);
        Assert.Equal("Acme", state.Metadata?.Make);
        Assert.Equal("2015-07-04T10:11:12", state.Metadata?.CapturedAt);
        Assert.Equal(["large", "small"], state.Thumbnails.Keys.Order());
        foreach (var thumb in state.Thumbnails.Values) Assert.NotNull(await Fixture.Blobs.StatAsync(thumb.Key));
        Assert.NotNull(state.Placeholder);

        Assert.DoesNotContain(id, await PendingAsync());
        var found = await Fixture.Service<IImageSearchIndex>().SearchAsync(Tenant, new ImageSearchQuery { Text = "acme" });
        Assert.Contains(found.Items, d => d.Id == id);
    }

    [Fact]
    public async Task Same_bytes_twice_is_a_duplicate_with_the_first_id_and_one_blob()
    {
        var bytes = TestImages.UniqueJpeg(90_001);
        var first = await UploadAsync(bytes, "a.jpg");
        var second = await UploadAsync(bytes, "b.jpg");
        Assert.Equal((UploadOutcomes.Created, UploadOutcomes.Duplicate), (first.Outcome, second.Outcome));
        Assert.Equal(first.Id, second.Id);
        var originals = new List<BlobInfo>();
        await foreach (var b in Fixture.Blobs.ListAsync(BlobKeys.Original(Tenant, first.Sha256!))) originals.Add(b);
        Assert.Single(originals);
    }

    [Fact]
    public async Task Tags_are_a_case_insensitive_set_and_edits_bump_the_version()
    {
        var id = await UploadNewAsync();
        await WaitProcessedAsync(id);
        var before = (await Image(id).GetAsync())!.Version;
        await Image(id).ChangeTagsAsync(new SetChange(["Beach", "beach", " Summer  2020 "], []));
        var state = await Image(id).ChangeTagsAsync(new SetChange(["BEACH"], ["summer 2020"]));
        var given = state!.Tags.Where(t => t.Source != ImageTag.FromAnalysis).ToArray(); // analysis adds its own
        Assert.Equal(["Beach"], given.Select(t => t.Name));
        Assert.Equal(ImageTag.FromUser, given[0].Source);
        Assert.Equal(before + 2, state.Version);
    }

    [Fact]
    public async Task Concurrent_edits_are_not_lost()
    {
        var id = await UploadNewAsync();
        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Image(id).ChangeTagsAsync(SetChange.Adding($"t{i}"))));
        var state = await WaitProcessedAsync(id);
        Assert.Equal(25, state.Tags.Count(t => t.Source == ImageTag.FromUser));
    }

    [Fact]
    public async Task Patch_bounds_rating_and_sanitises_text()
    {
        var id = await UploadNewAsync();
        var state = await Image(id).UpdateAsync(new ImagePatch("<b>Title</b>\u001b[31m", "desc", 9, true));
        Assert.Equal("<b>Title</b>[31m", state!.Title); // stored as text; escaping is the renderer's job
        Assert.Equal(5, state.Rating);
        Assert.True(state.Favourite);
    }

    [Fact]
    public async Task Unknown_images_answer_null_everywhere()
    {
        var ghost = Image("01nonexistent0000000000000");
        Assert.Null(await ghost.GetAsync());
        Assert.Null(await ghost.UpdateAsync(new ImagePatch("x", null, null, null)));
        Assert.Null(await ghost.ChangeTagsAsync(SetChange.Adding("x")));
        Assert.Null(await ghost.TrashAsync());
        Assert.False(await ghost.PurgeAsync());
    }

    [Fact]
    public async Task Comments_are_kept_in_order()
    {
        var id = await UploadNewAsync();
        await Image(id).AddCommentAsync("ann", "first");
        await Image(id).AddCommentAsync("bob", "second");
        Assert.Equal(["first", "second"], (await Image(id).GetAsync())!.Comments.Select(c => c.Text));
        Assert.Null(await Image(id).AddCommentAsync("ann", "   "));
    }

    protected async Task<IReadOnlyList<string>> PendingAsync()
    {
        var all = new List<string>();
        foreach (var shard in IPipelineSweeperGrain.ShardKeys(Tenant))
            all.AddRange(await Fixture.Grains.GetGrain<IPipelineSweeperGrain>(shard).PendingAsync());
        return all;
    }
}
