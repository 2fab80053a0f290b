using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Testing;

namespace ImageVault.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class AlbumGrainTests(GrainTestCluster fixture) : GrainTestBase(fixture)
{
    private IAlbumGrain Album(string id) => Fixture.Grains.GetGrain<IAlbumGrain>(GrainKeys.For(Tenant, id));

    private async Task<string> CreateAsync(string name, string? parent = null)
    {
        var id = GrainKeys.NewId();
        var result = await Album(id).CreateAsync(new NewAlbum(name, null, parent, "owner"));
        Assert.Equal(AlbumError.None, result.Error);
        return id;
    }

    [Fact]
    public async Task Albums_nest_and_refuse_cycles()
    {
        var root = await CreateAsync("Trips");
        var child = await CreateAsync("Iceland", root);
        var grandchild = await CreateAsync("Day 1", child);
        Assert.Equal(AlbumError.Cycle, (await Album(root).UpdateAsync(new AlbumPatch(null, null, grandchild, false, null))).Error);
        Assert.Equal(AlbumError.Cycle, (await Album(root).UpdateAsync(new AlbumPatch(null, null, root, false, null))).Error);
        Assert.Equal(AlbumError.ParentNotFound, (await Album(root).UpdateAsync(new AlbumPatch(null, null, "nosuchalbum", false, null))).Error);
        var renamed = await Album(child).UpdateAsync(new AlbumPatch("Iceland 2024", "ice", null, false, null));
        Assert.Equal(("Iceland 2024", root), (renamed.Album!.Name, renamed.Album.ParentId));
        var tree = await Fixture.Grains.GetGrain<IAlbumTreeGrain>(Tenant).ListAsync();
        Assert.Contains(tree, n => n.Id == child && n.Name == "Iceland 2024" && n.ParentId == root);
    }

    [Fact]
    public async Task Deleting_an_album_keeps_its_images_and_lifts_its_children()
    {
        var parent = await CreateAsync("Parent");
        var album = await CreateAsync("Doomed", parent);
        var child = await CreateAsync("Child", album);
        var images = new[] { await UploadNewAsync(), await UploadNewAsync() };
        var added = await Album(album).ChangeImagesAsync(images, []);
        Assert.Equal(2, added!.Changed);
        Assert.Equal(AlbumError.None, (await Album(album).UpdateAsync(new AlbumPatch(null, null, null, false, images[0]))).Error);

        Assert.True(await Album(album).DeleteAsync());

        Assert.Null(await Album(album).GetAsync());
        foreach (var id in images)
        {
            var state = await Image(id).GetAsync();
            Assert.NotNull(state);
            Assert.DoesNotContain(album, state.AlbumIds);
        }
        Assert.Equal(parent, (await Album(child).GetAsync())!.ParentId);
    }

    [Fact]
    public async Task Membership_reports_unknown_images_and_cover_must_be_a_member()
    {
        var album = await CreateAsync("Covers");
        var outsider = await UploadNewAsync();
        var result = await Album(album).ChangeImagesAsync(["01nosuchimage0000000000000", "../etc"], []);
        Assert.Equal(0, result!.Changed);
        Assert.Equal(2, result.NotFound.Count);
        Assert.Equal(AlbumError.CoverNotInAlbum, (await Album(album).UpdateAsync(new AlbumPatch(null, null, null, false, outsider))).Error);
        Assert.Equal(AlbumError.Invalid, (await Album(GrainKeys.NewId()).CreateAsync(new NewAlbum("   ", null, null, "o"))).Error);
    }
}
