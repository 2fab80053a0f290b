namespace ImageVault.Grains.Intelligence;

/// <summary>
/// When two images count as near-duplicates: very close embeddings, or close embeddings backed by close
/// perceptual hashes (the hash carries grayscale copies and quarter turns the embedding sees as farther
/// apart). Thresholds were chosen on the corpus' near-duplicate set; the evaluation suite guards them.
/// </summary>
public static class NearDuplicateRule
{
    public const double StrongSimilarity = 0.93, SupportedSimilarity = 0.80;
    public const int MaxHashDistance = 12;

    public static bool Holds(double similarity, int hashDistance) =>
        similarity >= StrongSimilarity || (similarity >= SupportedSimilarity && hashDistance <= MaxHashDistance);
}
