using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Albums;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;
using ImageVault.Imaging.Metadata;

namespace ImageVault.Grains.Albums;

/// <inheritdoc cref="IAlbumGrain"/>
[GrainType("album")]
public sealed class AlbumGrain(
    [PersistentState("album", StorageNames.Default)] IPersistentState<AlbumState> store,
    IImageSearchIndex index, TimeProvider clock) : Grain, IAlbumGrain
{
    public const int MaxName = 200;
    private const int MembershipBatch = 32;

    private AlbumState S => store.State;
    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;
    private string AlbumId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;
    private IAlbumTreeGrain Tree => GrainFactory.GetGrain<IAlbumTreeGrain>(Tenant);

    public async Task<AlbumResult> CreateAsync(NewAlbum album)
    {
        if (S.Exists) return AlbumResult.Ok(S);
        var name = TextSanitizer.Clean(album.Name, MaxName);
        if (name is null) return AlbumResult.Fail(AlbumError.Invalid);
        if (album.ParentId is { } parent && !await Tree.ContainsAsync(parent)) return AlbumResult.Fail(AlbumError.ParentNotFound);
        store.State = new AlbumState
        {
            Id = AlbumId, Tenant = Tenant, Name = name, Description = TextSanitizer.Clean(album.Description, 4000),
            ParentId = album.ParentId, Owner = album.Owner, CreatedAt = clock.GetUtcNow(), Version = 1,
        };
        await store.WriteStateAsync();
        await Tree.UpsertAsync(new AlbumNode(S.Id, S.Name, S.ParentId));
        return AlbumResult.Ok(S);
    }

    public Task<AlbumState?> GetAsync() => Task.FromResult(S.Exists ? S : null);

    public async Task<AlbumResult> UpdateAsync(AlbumPatch patch)
    {
        if (!S.Exists) return AlbumResult.Fail(AlbumError.NotFound);
        if (patch.Name is not null && TextSanitizer.Clean(patch.Name, MaxName) is null) return AlbumResult.Fail(AlbumError.Invalid);
        if (patch.ParentId is { } parent)
        {
            if (!await Tree.ContainsAsync(parent)) return AlbumResult.Fail(AlbumError.ParentNotFound);
            if (await Tree.WouldCycleAsync(AlbumId, parent)) return AlbumResult.Fail(AlbumError.Cycle);
        }
        if (patch.CoverImageId is { } cover)
        {
            var image = await GrainFactory.GetGrain<IImageGrain>(GrainKeys.For(Tenant, cover)).GetAsync();
            if (image is null || !image.AlbumIds.Contains(AlbumId)) return AlbumResult.Fail(AlbumError.CoverNotInAlbum);
            S.CoverImageId = cover;
        }
        if (patch.Name is not null) S.Name = TextSanitizer.Clean(patch.Name, MaxName)!;
        if (patch.Description is not null) S.Description = TextSanitizer.Clean(patch.Description, 4000);
        if (patch.ClearParent) S.ParentId = null;
        else if (patch.ParentId is not null) S.ParentId = patch.ParentId;
        S.Version++;
        await store.WriteStateAsync();
        await Tree.UpsertAsync(new AlbumNode(S.Id, S.Name, S.ParentId));
        return AlbumResult.Ok(S);
    }

    public async Task<bool> SetGrantAsync(string userId, Abstractions.Identity.Role role)
    {
        if (!S.Exists) return false;
        if (role == Abstractions.Identity.Role.None) S.Grants.Remove(userId);
        else S.Grants[userId] = role;
        S.Version++;
        await store.WriteStateAsync();
        return true;
    }

    public async Task<bool> DeleteAsync()
    {
        if (!S.Exists) return false;
        var children = await Tree.RemoveAsync(AlbumId);
        foreach (var child in children)
        {
            var patch = new AlbumPatch(null, null, S.ParentId, ClearParent: S.ParentId is null, null);
            await GrainFactory.GetGrain<IAlbumGrain>(GrainKeys.For(Tenant, child)).UpdateAsync(patch);
        }
        // Members are found through the index; each pass removes a page, so the loop ends when none are left.
        for (var pass = 0; pass < 100_000; pass++)
        {
            var members = await index.ImageIdsInAlbumAsync(Tenant, AlbumId, 500);
            if (members.Count == 0) break;
            await ChangeImagesAsync([], members);
        }
        await store.ClearStateAsync();
        return true;
    }

    public async Task<MembershipResult?> ChangeImagesAsync(IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        if (!S.Exists) return null;
        var work = add.Select(id => (id, SetChange.Adding(AlbumId))).Concat(remove.Select(id => (id, SetChange.Removing(AlbumId))));
        var changed = 0;
        var notFound = new List<string>();
        foreach (var batch in work.Chunk(MembershipBatch))
        {
            var results = await Task.WhenAll(batch.Select(async w =>
                GrainKeys.IsValidId(w.id) && await GrainFactory.GetGrain<IImageGrain>(GrainKeys.For(Tenant, w.id)).ChangeAlbumsAsync(w.Item2) is not null
                    ? null : w.id));
            changed += results.Count(r => r is null);
            notFound.AddRange(results.OfType<string>());
        }
        if (S.CoverImageId is { } cover && remove.Contains(cover))
        {
            S.CoverImageId = null;
            await store.WriteStateAsync();
        }
        return new MembershipResult(changed, notFound);
    }
}
