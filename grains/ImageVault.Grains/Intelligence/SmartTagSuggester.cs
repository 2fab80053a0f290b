using ImageVault.Grains.Ports;

namespace ImageVault.Grains.Intelligence;

/// <summary>A tag proposed for an image, with how strongly its neighbours agree (0–1).</summary>
public sealed record TagSuggestion(string Tag, double Confidence, int Neighbours);

/// <summary>
/// Suggests tags from the visually nearest images of the same tenant that people already tagged: each
/// neighbour votes for its tags with its similarity; a tag's confidence is its share of all votes.
/// Automatic technical tags are not suggested (they are computed anyway).
/// </summary>
public static class SmartTagSuggester
{
    public const double MinNeighbourSimilarity = 0.55, MinConfidence = 0.25;
    public const int Neighbours = 15, MaxSuggestions = 10;

    public static IReadOnlyList<TagSuggestion> Suggest(string imageId, IEnumerable<string> existing, IEnumerable<string> rejected, IReadOnlyList<SimilarHit> hits)
    {
        var skip = new HashSet<string>(existing.Concat(rejected), StringComparer.OrdinalIgnoreCase);
        var voters = hits.Where(h => h.Document.Id != imageId && h.Similarity >= MinNeighbourSimilarity).Take(Neighbours).ToArray();
        var total = voters.Sum(v => v.Similarity);
        if (total <= 0) return [];
        return voters
            .SelectMany(v => v.Document.Tags.Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (Tag: t.ToLowerInvariant(), v.Similarity)))
            .Where(v => !skip.Contains(v.Tag) && !TechnicalTags.All.Contains(v.Tag))
            .GroupBy(v => v.Tag)
            .Select(g => new TagSuggestion(g.Key, Math.Round(g.Sum(v => v.Similarity) / total, 3), g.Count()))
            .Where(s => s.Confidence >= MinConfidence)
            .OrderByDescending(s => s.Confidence).ThenBy(s => s.Tag, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToArray();
    }
}
