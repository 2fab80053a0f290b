using ImageVault.Grains.Abstractions.Images;
using ImageVault.Imaging.Metadata;

namespace ImageVault.Grains.Images;

/// <summary>The rules for user fields: limits, tag normalisation, set semantics.</summary>
public static class ImageRules
{
    public const int MaxTags = 500;
    public const int MaxTagLength = 100;
    public const int MaxTitle = 500;
    public const int MaxDescription = 10_000;
    public const int MaxComments = 1_000;
    public const int MaxCommentLength = 4_000;
    public const int MaxAlbums = 1_000;

    /// <summary>A tag as stored: trimmed, inner whitespace folded, control characters gone; null if nothing is left.</summary>
    public static string? NormaliseTag(string raw)
    {
        var clean = TextSanitizer.Clean(raw, MaxTagLength);
        return clean is null ? null : string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Applies a tag change with case-insensitive set semantics; returns whether anything changed.</summary>
    public static bool ApplyTags(List<ImageTag> tags, SetChange change, string source)
    {
        var changed = false;
        foreach (var name in change.Remove.Select(NormaliseTag).OfType<string>())
            changed |= tags.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) > 0;
        foreach (var name in change.Add.Select(NormaliseTag).OfType<string>())
        {
            if (tags.Count >= MaxTags || tags.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            tags.Add(new ImageTag(name, source));
            changed = true;
        }
        return changed;
    }

    public static bool ApplyIds(List<string> ids, SetChange change)
    {
        var changed = ids.RemoveAll(change.Remove.Contains) > 0;
        foreach (var id in change.Add.Where(id => !ids.Contains(id)).Take(MaxAlbums - ids.Count))
        {
            ids.Add(id);
            changed = true;
        }
        return changed;
    }

    public static bool ApplyPatch(ImageState s, ImagePatch p)
    {
        var before = (s.Title, s.Description, s.Rating, s.Favourite);
        if (p.Title is not null) s.Title = TextSanitizer.Clean(p.Title, MaxTitle);
        if (p.Description is not null) s.Description = TextSanitizer.Clean(p.Description, MaxDescription);
        if (p.Rating is { } r) s.Rating = Math.Clamp(r, 0, 5);
        if (p.Favourite is { } f) s.Favourite = f;
        return before != (s.Title, s.Description, s.Rating, s.Favourite);
    }
}
