namespace ImageVault.Grains.Abstractions.Images;

/// <summary>
/// The single writer of one image (key <c>"{tenant}/{imageId}"</c>). Every method but
/// <see cref="RegisterAsync"/> answers null or false when the image does not exist.
/// </summary>
[Alias("iv.IImageGrain")]
public interface IImageGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<ImageState?> GetAsync();

    /// <summary>Records a new image whose original is durable; idempotent for the same content.</summary>
    [Alias("Register")] Task<ImageState> RegisterAsync(NewImage image);

    [Alias("Update")] Task<ImageState?> UpdateAsync(ImagePatch patch);
    [Alias("ChangeTags")] Task<ImageState?> ChangeTagsAsync(SetChange change);
    [Alias("AddComment")] Task<ImageComment?> AddCommentAsync(string author, string text);
    [Alias("ChangeAlbums")] Task<ImageState?> ChangeAlbumsAsync(SetChange change);
    [Alias("Trash")] Task<ImageState?> TrashAsync();
    [Alias("Restore")] Task<ImageState?> RestoreAsync();

    /// <summary>Deletes original, thumbnails, index entry and record; resumable after a crash.</summary>
    [Alias("Purge")] Task<bool> PurgeAsync();

    /// <summary>Runs (or re-runs) whatever unfinished stage the image is in. Idempotent.</summary>
    [Alias("Resume")] Task ResumeAsync();

    /// <summary>Writes the current state to the search index again.</summary>
    [Alias("Reindex")] Task<bool> ReindexAsync();
}
