using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;
using ImageVault.Inference.Embeddings;
using Microsoft.Extensions.Options;

namespace ImageVault.Grains.Intelligence;

/// <summary>Two images side by side: embedding cosine similarity and Euclidean distance, and SSIM of their grey thumbnails.</summary>
public sealed record ImageComparison(double Cosine, double Euclidean, double Ssim);

/// <summary>
/// Questions answered from analysis results: similar images (by an image or an uploaded example),
/// comparisons, suggested tags and "tag all like this". Image state and artefacts are read through
/// grains and the blob store; nothing here writes except through image grains.
/// </summary>
public sealed class ImageIntelligence(
    IGrainFactory grains, IImageSearchIndex index, IBlobStore blobs, IImageProcessor processor, IImageModels models,
    IOptions<ImageVaultLimits> limits)
{
    public const int MaxSimilar = 200;

    /// <summary>Null when the image is unknown; an empty list when it has no embedding yet.</summary>
    public async Task<IReadOnlyList<SimilarHit>?> SimilarToAsync(string tenant, string imageId, int limit, CancellationToken ct)
    {
        var state = await Image(tenant, imageId).GetAsync();
        if (state is null) return null;
        if (EmbeddingCodec.Decode(state.Analysis?.Embedding) is not { } vector) return [];
        var hits = await index.SimilarAsync(tenant, vector, Math.Clamp(limit, 1, MaxSimilar) + 1, ct);
        return hits.Where(h => h.Document.Id != imageId).Take(limit).ToArray();
    }

    /// <summary>Similar images to an uploaded example, decoded in the sandbox like any upload. Returns an error code for bad input.</summary>
    public async Task<(IReadOnlyList<SimilarHit> Hits, string? ErrorCode, string? Detail)> SimilarToExampleAsync(string tenant, byte[] example, int limit, CancellationToken ct)
    {
        // Decoded like an upload (one small thumbnail), with the square for the embedding measured on the way.
        var decoded = await processor.AnalyzeAsync(example, new AnalysisRequest(limits.Value.MaxPixels, [ThumbnailSpec.Small], ThumbnailEncoding.Jpeg, Features: true), ct);
        if (decoded.ErrorCode is not null || decoded.Rasters.FirstOrDefault(r => r.Name == Raster.Square) is not { } square)
            return ([], decoded.ErrorCode ?? ErrorCodes.CorruptImage, decoded.ErrorDetail);
        var vector = await models.EmbedAsync(RgbImage.Create(square.Width, square.Height, square.Pixels), ct);
        return (await index.SimilarAsync(tenant, vector, Math.Clamp(limit, 1, MaxSimilar), ct), null, null);
    }

    /// <summary>Null when either image is unknown or not analysed.</summary>
    public async Task<ImageComparison?> CompareAsync(string tenant, string a, string b, CancellationToken ct)
    {
        var (first, second) = (await VisualOf(tenant, a, ct), await VisualOf(tenant, b, ct));
        if (first is null || second is null) return null;
        var ssim = Ssim.Compute(first.Grey, second.Grey, PixelFeatures.GreySide, PixelFeatures.GreySide);
        return new ImageComparison(Math.Round(VectorMath.Cosine(first.Embedding, second.Embedding), 4),
            Math.Round(VectorMath.Euclidean(first.Embedding, second.Embedding), 4), Math.Round(ssim, 4));
    }

    /// <summary>The full OCR result (text and boxes), or null when the image is unknown or its text is not read yet.</summary>
    public async Task<TextArtefact?> TextOfAsync(string tenant, string imageId, CancellationToken ct)
    {
        var state = await Image(tenant, imageId).GetAsync();
        if (state?.Analysis is not { TextStatus: AnalysisStatus.Done, TextArtefactKey: { } key }) return null;
        await using var handle = await blobs.OpenReadAsync(key, ct);
        return handle is null ? null : TextArtefact.FromJson(handle.Stream);
    }

    public async Task<IReadOnlyList<TagSuggestion>?> SuggestTagsAsync(string tenant, string imageId, CancellationToken ct)
    {
        var state = await Image(tenant, imageId).GetAsync();
        if (state is null) return null;
        if (EmbeddingCodec.Decode(state.Analysis?.Embedding) is not { } vector) return [];
        var hits = await index.SimilarAsync(tenant, vector, SmartTagSuggester.Neighbours + 1, ct);
        return SmartTagSuggester.Suggest(imageId, state.Tags.Select(t => t.Name), state.RejectedSuggestions, hits);
    }

    /// <summary>Adds <paramref name="tag"/> to the image and every image at least <paramref name="minSimilarity"/> like it. Returns the ids tagged.</summary>
    public async Task<IReadOnlyList<string>?> TagSimilarAsync(string tenant, string imageId, string tag, double minSimilarity, int limit, CancellationToken ct)
    {
        var similar = await SimilarToAsync(tenant, imageId, limit, ct);
        if (similar is null) return null;
        var ids = similar.Where(h => h.Similarity >= minSimilarity).Select(h => h.Document.Id).Prepend(imageId).ToArray();
        foreach (var id in ids) await Image(tenant, id).ChangeTagsAsync(new SetChange([tag], []));
        return ids;
    }

    private async Task<VisualArtefact?> VisualOf(string tenant, string imageId, CancellationToken ct)
    {
        var state = await Image(tenant, imageId).GetAsync();
        if (state?.Analysis is not { Status: AnalysisStatus.Done, ArtefactKey: { } key }) return null;
        await using var handle = await blobs.OpenReadAsync(key, ct);
        return handle is null ? null : VisualArtefact.FromJson(handle.Stream);
    }

    private IImageGrain Image(string tenant, string id) => grains.GetGrain<IImageGrain>(GrainKeys.For(tenant, id));
}
