namespace ImageVault.Grains.Abstractions.Albums;

/// <summary>
/// One album (key <c>"{tenant}/{albumId}"</c>). Membership lives in each image's state and in the
/// index, never as a list here, so albums of any size cost the same.
/// </summary>
[Alias("iv.IAlbumGrain")]
public interface IAlbumGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<AlbumResult> CreateAsync(NewAlbum album);
    [Alias("Get")] Task<AlbumState?> GetAsync();
    [Alias("Update")] Task<AlbumResult> UpdateAsync(AlbumPatch patch);

    /// <summary>Deletes the album; its images stay (they only leave it), child albums move up one level.</summary>
    [Alias("Delete")] Task<bool> DeleteAsync();

    /// <summary>Grants a user a role on this album (<see cref="Identity.Role.None"/> removes the grant); false when the album does not exist.</summary>
    [Alias("SetGrant")] Task<bool> SetGrantAsync(string userId, Identity.Role role);

    [Alias("ChangeImages")] Task<MembershipResult?> ChangeImagesAsync(IReadOnlyList<string> add, IReadOnlyList<string> remove);
}

/// <summary>The tenant's album tree (key <c>"{tenant}"</c>): listing, parent lookups and cycle checks.</summary>
[Alias("iv.IAlbumTreeGrain")]
public interface IAlbumTreeGrain : IGrainWithStringKey
{
    [Alias("List")] Task<IReadOnlyList<AlbumNode>> ListAsync();
    [Alias("Upsert")] Task UpsertAsync(AlbumNode node);
    [Alias("Remove")] Task<IReadOnlyList<string>> RemoveAsync(string albumId);
    [Alias("WouldCycle")] Task<bool> WouldCycleAsync(string albumId, string newParentId);
    [Alias("Contains")] Task<bool> ContainsAsync(string albumId);
}
