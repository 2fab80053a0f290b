using ImageVault.Grains.Abstractions.Images;
using ImageVault.Infrastructure.Storage;
using ImageVault.Testing;
using Orleans.Storage;

namespace ImageVault.Infrastructure.Tests.Storage;

public class SqliteGrainStorageTests
{
    private readonly string _db = Path.Combine(TempFolder.Create("iv-sqlite"), "grains.db");

    private static GrainId Image(string key) => GrainId.Create("image", key);

    [Fact]
    public async Task Round_trips_state_as_json_with_etags()
    {
        using var storage = new SqliteGrainStorage(_db);
        var state = new GrainState<ImageState>(new ImageState { Id = "a1", Tenant = "t", Tags = [new ImageTag("sea", "user")] });
        await storage.WriteStateAsync("image", Image("t/a1"), state);
        Assert.Equal("1", state.ETag);

        var read = new GrainState<ImageState>(new ImageState());
        await storage.ReadStateAsync("image", Image("t/a1"), read);
        Assert.True(read.RecordExists);
        Assert.Equal("sea", read.State!.Tags.Single().Name);
        Assert.Equal(ImageState.CurrentSchemaVersion, read.State!.SchemaVersion);
    }

    [Fact]
    public async Task Stale_etags_are_refused()
    {
        using var storage = new SqliteGrainStorage(_db);
        var first = new GrainState<ImageState>(new ImageState { Id = "a" });
        await storage.WriteStateAsync("image", Image("t/a"), first);
        var stale = new GrainState<ImageState>(new ImageState { Id = "a" }) { ETag = first.ETag };
        await storage.WriteStateAsync("image", Image("t/a"), first); // etag 2
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("image", Image("t/a"), stale));
        var duplicateInsert = new GrainState<ImageState>(new ImageState { Id = "a" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("image", Image("t/a"), duplicateInsert));
    }

    [Fact]
    public async Task Clear_removes_the_row_and_survives_reopen()
    {
        using (var storage = new SqliteGrainStorage(_db))
        {
            var s = new GrainState<ImageState>(new ImageState { Id = "gone" });
            await storage.WriteStateAsync("image", Image("t/gone"), s);
            await storage.ClearStateAsync("image", Image("t/gone"), s);
            await storage.WriteStateAsync("image", Image("t/kept"), new GrainState<ImageState>(new ImageState { Id = "kept" }));
        }
        using var reopened = new SqliteGrainStorage(_db);
        var gone = new GrainState<ImageState>(new ImageState());
        await reopened.ReadStateAsync("image", Image("t/gone"), gone);
        Assert.False(gone.RecordExists);
        Assert.Equal(["kept"], await reopened.ListImageIdsAsync("t", null, 10));
    }

    [Fact]
    public async Task Catalog_lists_one_tenants_images_in_pages()
    {
        using var storage = new SqliteGrainStorage(_db);
        foreach (var key in new[] { "t/a", "t/b", "t/c", "t2/z", "u/a" })
            await storage.WriteStateAsync("image", Image(key), new GrainState<ImageState>(new ImageState()));
        await storage.WriteStateAsync("album", GrainId.Create("album", "t/x"), new GrainState<ImageState>(new ImageState()));
        Assert.Equal(["a", "b"], await storage.ListImageIdsAsync("t", null, 2));
        Assert.Equal(["c"], await storage.ListImageIdsAsync("t", "b", 2));
        Assert.Empty(await storage.ListImageIdsAsync("t", "c", 2));
    }
}
