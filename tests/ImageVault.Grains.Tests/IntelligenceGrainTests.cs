using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Intelligence;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using ImageVault.Testing;

namespace ImageVault.Grains.Tests;

/// <summary>Analysis, duplicate groups and analysis jobs on the test cluster with the real models. Each test has a tenant of its own.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IntelligenceGrainTests(GrainTestCluster fixture) : GrainTestBase(fixture)
{
    private readonly string _tenant = $"ai{Guid.NewGuid():N}"[..16];

    private IImageGrain In(string id) => Fixture.Grains.GetGrain<IImageGrain>(GrainKeys.For(_tenant, id));

    private async Task<string> Upload(byte[] bytes, string name = "scene.jpg")
    {
        var item = await Fixture.Service<ImageUploadService>().UploadAsync(_tenant, name, new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(UploadOutcomes.Created, item.Outcome);
        return item.Id!;
    }

    private async Task<ImageState> Analysed(string id, DateTimeOffset? after = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var state = await In(id).GetAsync();
            if (state?.Analysis is { Status: AnalysisStatus.Done, TextStatus: AnalysisStatus.Done } a && (after is null || a.AnalysedAt > after)) return state;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"image {id} not analysed: {state?.Analysis?.Status} {state?.Analysis?.ErrorCode}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Analysis_follows_upload_into_state_artefacts_and_automatic_tags()
    {
        var id = await Upload(TestImages.Scene(11, 480, 360));
        var state = await Analysed(id);
        var a = state.Analysis!;
        Assert.Equal(Fixture.Service<IImageModels>().EmbeddingModel, a.Model);
        Assert.Equal(Fixture.Service<IImageModels>().OcrModel, a.TextModel);
        Assert.Equal(AnalysisStatus.Done, a.TextStatus);
        Assert.Equal(512, EmbeddingCodec.Decode(a.Embedding)!.Length);
        Assert.Equal(4, a.PHashes.Length);
        Assert.NotEmpty(a.Palette);
        Assert.Contains(state.Tags, t => t is { Name: TechnicalTags.Landscape, Source: ImageTag.FromAnalysis });
        await using (var artefact = await Fixture.Blobs.OpenReadAsync(a.ArtefactKey!))
            Assert.Equal(512, VisualArtefact.FromJson(artefact!.Stream)!.Embedding.Length);

        await In(id).TrashAsync();
        await In(id).PurgeAsync();
        Assert.Null(await Fixture.Blobs.OpenReadAsync(a.ArtefactKey!)); // the purge takes the artefacts too
    }

    [Fact]
    public async Task An_analysis_that_fails_on_the_way_is_tried_again()
    {
        // The OCR artefact write fails once: the visual part (made during ingest) stands, the text step retries.
        Fixture.Blobs.FailNextPutsWhere(key => key.StartsWith($"t/{_tenant}/analysis/", StringComparison.Ordinal) && key.Contains("/text-"), 1);
        var id = await Upload(TestImages.Scene(12));
        var state = await Analysed(id);
        Assert.Equal(2, state.Analysis!.Attempts);
        Assert.NotNull(state.Analysis.TextArtefactKey);
    }

    [Fact]
    public async Task Near_duplicates_form_a_group_and_stacking_merges_what_people_gave_the_copy()
    {
        var scene = TestImages.Scene(21, 480, 360);
        var (original, copy, other) = (await Upload(scene), await Upload(TestImages.Variant(scene, 0.6, quality: 60)), await Upload(TestImages.Scene(22, 480, 360)));
        await In(copy).ChangeTagsAsync(SetChange.Adding("harbour"));
        await In(copy).UpdateAsync(new ImagePatch(null, null, 4, true));
        await In(copy).ChangeAlbumsAsync(SetChange.Adding("al1"));
        foreach (var id in new[] { original, copy, other }) await Analysed(id);

        var review = Fixture.Service<DuplicateReview>();
        // The group is reported right after the analysis result is stored: give that last call a moment under load.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await review.GroupsAsync(_tenant)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var group = Assert.Single(await review.GroupsAsync(_tenant));
        Assert.Equal(new[] { original, copy }.Order(StringComparer.Ordinal), group.ImageIds);

        Assert.False(await review.ResolveAsync(_tenant, group.Id, other, DuplicateAction.Stack, merge: true)); // keep must be a member
        Assert.True(await review.ResolveAsync(_tenant, group.Id, original, DuplicateAction.Stack, merge: true));
        var kept = (await In(original).GetAsync())!;
        Assert.Contains(kept.Tags, t => t.Name == "harbour");
        Assert.Equal((4, true), (kept.Rating, kept.Favourite));
        Assert.Equal(["al1"], kept.AlbumIds);
        Assert.Equal(original, (await In(copy).GetAsync())!.StackedUnder);
        Assert.Empty(await review.GroupsAsync(_tenant));
        var visible = await Fixture.Service<IImageSearchIndex>().SearchAsync(_tenant, new ImageSearchQuery());
        Assert.DoesNotContain(copy, visible.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Near_duplicates_uploaded_at_the_same_moment_still_form_a_group()
    {
        var review = Fixture.Service<DuplicateReview>();
        for (var round = 0; round < 4; round++)
        {
            var scene = TestImages.Scene(700 + round, 480, 360);
            var ids = await Task.WhenAll(Upload(scene), Upload(TestImages.Variant(scene, 0.6, quality: 60)));
            foreach (var id in ids) await Analysed(id);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(await review.GroupsAsync(_tenant)).Any(g => g.ImageIds.Contains(ids[0]) && g.ImageIds.Contains(ids[1])) && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Contains(await review.GroupsAsync(_tenant), g => g.ImageIds.Contains(ids[0]) && g.ImageIds.Contains(ids[1]));
        }
    }

    [Fact]
    public async Task Dismissed_groups_stay_apart_and_forgotten_images_leave_their_groups()
    {
        var groups = Fixture.Grains.GetGrain<IDuplicateGroupsGrain>(_tenant);
        await groups.ReportAsync("a", [new DuplicateLink("b", 0.95, 4), new DuplicateLink("c", 0.91, 20)]);
        await groups.ReportAsync("d", [new DuplicateLink("e", 0.99, 0)]);
        var listed = await groups.GroupsAsync();
        Assert.Equal([["a", "b", "c"], ["d", "e"]], listed.Select(g => g.ImageIds.ToArray()));
        Assert.Equal(0.91, listed[0].MinSimilarity);

        await groups.DismissAsync(["d", "e"]);
        await groups.ReportAsync("e", [new DuplicateLink("d", 0.99, 0)]); // a re-analysis does not bring it back
        await groups.ForgetAsync("a");
        Assert.Empty(await groups.GroupsAsync()); // b and c were linked only through a
    }

    [Fact]
    public async Task An_analysis_job_walks_every_image_of_the_tenant_and_reports_progress()
    {
        var ids = new[] { await Upload(TestImages.Scene(41)), await Upload(TestImages.Scene(42)) };
        var first = await Task.WhenAll(ids.Select(id => Analysed(id)));
        var job = Fixture.Grains.GetGrain<IAnalysisJobGrain>(_tenant);
        var started = await job.StartAsync("test", force: true);
        Assert.True(started.Running);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await job.GetAsync()).Running)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job never finished dispatching");
            await Task.Delay(100);
        }
        var done = await job.GetAsync();
        Assert.Equal(2, done.Dispatched);
        Assert.Equal(done.Model, done.CompletedModel);
        for (var i = 0; i < ids.Length; i++) await Analysed(ids[i], after: first[i].Analysis!.AnalysedAt);

        await job.EnsureModelAsync(done.Model!); // the same model: nothing to do
        Assert.False((await job.GetAsync()).Running);
    }
}
