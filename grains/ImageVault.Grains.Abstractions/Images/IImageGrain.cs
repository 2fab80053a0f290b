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

    /// <summary>Marks the analysis out of date and runs it again (a model change, an operator's job).</summary>
    [Alias("Reanalyse")] Task<bool> ReanalyseAsync();

    /// <summary>Suggested tag names turned down by a person.</summary>
    [Alias("RejectSuggestions")] Task<ImageState?> RejectSuggestionsAsync(IReadOnlyList<string> tags);

    /// <summary>Resolves this image as a near-duplicate of <paramref name="keptId"/>: trashed, or stacked under it.</summary>
    [Alias("ResolveDuplicate")] Task<ImageState?> ResolveDuplicateAsync(string keptId, bool stack);

    /// <summary>Takes in what people gave a duplicate that is being dropped: tags, albums, rating, favourite, location.</summary>
    [Alias("MergeFrom")] Task<ImageState?> MergeFromAsync(ImageState other);
}
