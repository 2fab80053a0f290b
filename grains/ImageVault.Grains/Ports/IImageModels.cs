using ImageVault.Inference;
using ImageVault.Inference.Ocr;

namespace ImageVault.Grains.Ports;

/// <summary>
/// The learned models of a silo (embedding and OCR), loaded once and shared by every grain. Calls run
/// off the grain scheduler: a model run must never hold a grain turn's thread.
/// </summary>
public interface IImageModels
{
    /// <summary>Names the embedding model; stored with every embedding, so a change triggers re-analysis.</summary>
    string EmbeddingModel { get; }

    /// <summary>Names the OCR models; stored with every OCR result.</summary>
    string OcrModel { get; }

    /// <summary>Both names: what an analysis job records as "analysed with".</summary>
    string ModelVersion => $"{EmbeddingModel}+{OcrModel}";

    /// <summary>A 512-d L2-normalised embedding of a 224×224 centre square.</summary>
    Task<float[]> EmbedAsync(RgbImage square, CancellationToken ct = default);

    /// <summary>OCR; bounded separately (it is the expensive step), so it never starves ingest of every core.</summary>
    Task<OcrResult> ReadTextAsync(RgbImage page, CancellationToken ct = default);
}
