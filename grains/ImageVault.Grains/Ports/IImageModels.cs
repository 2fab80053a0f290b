using ImageVault.Inference;
using ImageVault.Inference.Ocr;

namespace ImageVault.Grains.Ports;

/// <summary>
/// The learned models of a silo (embedding and OCR), loaded once and shared by every grain. Calls run
/// off the grain scheduler: a model run must never hold a grain turn's thread.
/// </summary>
public interface IImageModels
{
    /// <summary>Names the models; stored with every result, so a change here triggers re-analysis.</summary>
    string ModelVersion { get; }

    /// <summary>A 512-d L2-normalised embedding of a 224×224 centre square.</summary>
    Task<float[]> EmbedAsync(RgbImage square, CancellationToken ct = default);

    Task<OcrResult> ReadTextAsync(RgbImage page, CancellationToken ct = default);
}
