using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;
using ImageVault.Testing;

namespace ImageVault.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class LifecycleTests(GrainTestCluster fixture) : GrainTestBase(fixture)
{
    private IImageSearchIndex Index => Fixture.Service<IImageSearchIndex>();

    [Fact]
    public async Task Trash_hides_from_search_and_restore_brings_back()
    {
        var id = await UploadNewAsync(name: "trashme-unique.jpg");
        await WaitProcessedAsync(id);
        await Image(id).TrashAsync();
        Assert.DoesNotContain(await Ids(new() { Text = "trashme" }), x => x == id);
        Assert.Contains(await Ids(new() { Text = "trashme", Trashed = true }), x => x == id);
        await Image(id).RestoreAsync();
        Assert.Contains(await Ids(new() { Text = "trashme" }), x => x == id);
    }

    [Fact]
    public async Task Purge_removes_original_thumbnails_index_entry_record_and_content_claim()
    {
        var bytes = TestImages.UniqueJpeg(77_777, width: 300, height: 200);
        var id = (await UploadAsync(bytes, "purge-unique.jpg")).Id!;
        var state = await WaitProcessedAsync(id);
        await Image(id).TrashAsync();
        Assert.True(await Image(id).PurgeAsync());

        Assert.Null(await Image(id).GetAsync());
        await AssertNoBlobsAsync(state);
        Assert.DoesNotContain(await Ids(new() { Text = "purge", Trashed = true }), x => x == id);
        var again = await UploadAsync(bytes, "purge-unique.jpg"); // the content is free again
        Assert.Equal(UploadOutcomes.Created, again.Outcome);
        Assert.NotEqual(id, again.Id);
    }

    [Fact]
    public async Task A_purge_that_dies_midway_is_finished_by_the_sweeper_with_nothing_orphaned()
    {
        var id = await UploadNewAsync(name: "crash-purge.jpg");
        var state = await WaitProcessedAsync(id);
        Fixture.Blobs.FailNextDeletes(1); // the first blob delete dies, as a crash would
        await Image(id).PurgeAsync();
        Assert.Equal(PipelineStage.Purging, (await Image(id).GetAsync())?.Stage);
        Assert.NotNull(await Fixture.Blobs.StatAsync(state.OriginalKey));

        var sweeper = Fixture.Grains.GetGrain<IPipelineSweeperGrain>(IPipelineSweeperGrain.KeyFor(Tenant, id));
        Assert.Contains(id, await sweeper.PendingAsync());
        Assert.True(await sweeper.SweepAsync(TimeSpan.Zero) >= 1);

        await WaitUntilAsync(id, s => s is null);
        await AssertNoBlobsAsync(state);
        Assert.DoesNotContain(id, await sweeper.PendingAsync());
    }

    [Fact]
    public async Task Registering_twice_is_idempotent()
    {
        var id = await UploadNewAsync();
        var state = await Image(id).GetAsync();
        var again = await Image(id).RegisterAsync(new NewImage("other.jpg", "png", "image/png", 1, new string('0', 64), "x", 1, 1, DateTimeOffset.UtcNow));
        Assert.Equal(state!.Sha256, again.Sha256);
        Assert.Equal(state.FileName, again.FileName);
    }

    [Fact]
    public async Task A_hostile_pixel_budget_fails_the_job_but_keeps_the_image()
    {
        var item = await UploadAsync(TestImages.Png(5000, 5000), "big.png");
        // 25 MP passes the default upload limit; the job itself succeeds or fails cleanly, never hangs.
        var state = await WaitProcessedAsync(item.Id!);
        Assert.True(state.Stage is PipelineStage.Ready or PipelineStage.Failed);
        Assert.NotNull(await Fixture.Blobs.StatAsync(state.OriginalKey));
    }

    private async Task AssertNoBlobsAsync(ImageState state)
    {
        Assert.Null(await Fixture.Blobs.StatAsync(state.OriginalKey));
        await foreach (var _ in Fixture.Blobs.ListAsync(BlobKeys.ThumbnailPrefix(Tenant, state.Sha256)))
            Assert.Fail("a thumbnail survived the purge");
    }

    [Fact]
    public async Task A_sweeper_keeps_a_missing_image_until_a_registration_in_flight_could_no_longer_commit()
    {
        var id = GrainKeys.NewId();
        var sweeper = Fixture.Grains.GetGrain<IPipelineSweeperGrain>(IPipelineSweeperGrain.KeyFor(Tenant, id));
        await sweeper.TrackAsync(id); // a registration tracks first; its write may still be on its way
        Assert.False(await sweeper.UntrackMissingAsync(id, TimeSpan.FromMinutes(1)));
        Assert.Contains(id, await sweeper.PendingAsync());
        Assert.True(await sweeper.UntrackMissingAsync(id, TimeSpan.Zero)); // long enough ago: it never came
        Assert.DoesNotContain(id, await sweeper.PendingAsync());
    }

    private async Task<IReadOnlyList<string>> Ids(ImageSearchQuery q) =>
        (await Index.SearchAsync(GrainKeys.DefaultTenant, q)).Items.Select(i => i.Id).ToArray();
}
