namespace ImageVault.Grains.Intelligence;

/// <summary>
/// When two images count as near-duplicates: very close embeddings (crops, resizes, recompression,
/// watermarks), or close perceptual hashes with embeddings that at least agree loosely (grayscale
/// copies and quarter turns, which move a ResNet embedding far but leave the rotation-invariant pHash
/// almost unchanged). Chosen on the corpus' near-duplicate set, where no unrelated pair came closer
/// than cosine 0.85 or pHash distance 14; the evaluation suite re-measures both margins.
/// </summary>
public static class NearDuplicateRule
{
    public const double StrongSimilarity = 0.88, SupportedSimilarity = 0.40;
    public const int MaxHashDistance = 10;

    public static bool Holds(double similarity, int hashDistance) =>
        similarity >= StrongSimilarity || (similarity >= SupportedSimilarity && hashDistance <= MaxHashDistance);
}
