namespace ImageVault.Grains.Abstractions.Intelligence;

/// <summary>
/// The near-duplicate pairs of one tenant (key: the tenant), grouped on demand into connected groups
/// for review. Image grains report their near-duplicates after analysis; a review resolves a group.
/// </summary>
[Alias("iv.IDuplicateGroupsGrain")]
public interface IDuplicateGroupsGrain : IGrainWithStringKey
{
    /// <summary>Replaces what is known of <paramref name="imageId"/>'s near-duplicates.</summary>
    [Alias("Report")] Task ReportAsync(string imageId, IReadOnlyList<DuplicateLink> links);

    /// <summary>Forgets an image (trashed, purged or resolved).</summary>
    [Alias("Forget")] Task ForgetAsync(string imageId);

    [Alias("Groups")] Task<IReadOnlyList<DuplicateGroup>> GroupsAsync();

    /// <summary>Marks the images of a group as reviewed: they never form a group again, together.</summary>
    [Alias("Dismiss")] Task DismissAsync(IReadOnlyList<string> imageIds);
}

[GenerateSerializer, Alias("iv.DuplicateLink")]
public sealed record DuplicateLink([property: Id(0)] string OtherId, [property: Id(1)] double Similarity, [property: Id(2)] int HashDistance);

/// <summary>Images that are near-duplicates of each other; <see cref="Id"/> is stable while the members are.</summary>
[GenerateSerializer, Alias("iv.DuplicateGroup")]
public sealed record DuplicateGroup([property: Id(0)] string Id, [property: Id(1)] IReadOnlyList<string> ImageIds, [property: Id(2)] double MinSimilarity);
