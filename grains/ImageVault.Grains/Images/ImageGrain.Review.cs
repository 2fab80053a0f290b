using ImageVault.Grains.Abstractions.Images;

namespace ImageVault.Grains.Images;

/// <summary>The image grain's edits that come from review: turned-down suggestions, resolved duplicates, merges.</summary>
public sealed partial class ImageGrain
{
    public Task<ImageState?> RejectSuggestionsAsync(IReadOnlyList<string> tags) => MutateAsync(s =>
    {
        var added = tags.Select(ImageRules.NormaliseTag).OfType<string>()
            .Where(t => !s.RejectedSuggestions.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
        s.RejectedSuggestions.AddRange(added.Take(Math.Max(0, ImageRules.MaxTags - s.RejectedSuggestions.Count)));
        return added.Length > 0;
    });

    public async Task<ImageState?> ResolveDuplicateAsync(string keptId, bool stack)
    {
        var state = await MutateAsync(s =>
        {
            if (stack) s.StackedUnder = keptId;
            else (s.Trashed, s.TrashedAt) = (true, clock.GetUtcNow());
            return true;
        });
        if (state is not null) await Duplicates.ForgetAsync(ImageId);
        return state;
    }

    public Task<ImageState?> MergeFromAsync(ImageState other) => MutateAsync(s =>
    {
        var changed = ImageRules.ApplyTags(s.Tags, new SetChange(other.Tags.Where(t => t.Source != ImageTag.FromAnalysis).Select(t => t.Name).ToArray(), []), ImageTag.FromUser);
        changed |= ImageRules.ApplyIds(s.AlbumIds, new SetChange(other.AlbumIds, []));
        if (other.Rating > s.Rating) (s.Rating, changed) = (other.Rating, true);
        if (other.Favourite && !s.Favourite) (s.Favourite, changed) = (true, true);
        if (s.Metadata?.Latitude is null && other.Metadata is { Latitude: not null, Longitude: not null } m)
        {
            s.Metadata = (s.Metadata ?? new MetadataInfo()) with { Latitude = m.Latitude, Longitude = m.Longitude, Altitude = m.Altitude };
            changed = true;
        }
        return changed;
    });
}
