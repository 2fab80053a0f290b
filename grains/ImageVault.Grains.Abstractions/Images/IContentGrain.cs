namespace ImageVault.Grains.Abstractions.Images;

/// <summary>
/// Decides exact duplicates atomically (key <c>"{tenant}/{sha256}"</c>): the first image to claim
/// a content hash owns it; later uploads of the same bytes get the owner's id.
/// </summary>
[Alias("iv.IContentGrain")]
public interface IContentGrain : IGrainWithStringKey
{
    /// <summary>Claims the content for <paramref name="candidateImageId"/> unless another image owns it.</summary>
    [Alias("Claim")] Task<ContentClaim> ClaimAsync(string candidateImageId);

    /// <summary>Hands an orphaned claim (its image never got registered) to a new candidate.</summary>
    [Alias("Reassign")] Task<ContentClaim> ReassignAsync(string orphanImageId, string candidateImageId);

    /// <summary>The image that owns this content, if any (it may still be registering).</summary>
    [Alias("Owner")] Task<string?> OwnerAsync();

    /// <summary>Forgets the claim when its image is purged.</summary>
    [Alias("Release")] Task ReleaseAsync(string imageId);
}

[GenerateSerializer, Alias("iv.ContentClaim")]
public sealed record ContentClaim([property: Id(0)] string ImageId, [property: Id(1)] bool IsNew);
