using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Inference;
using ImageVault.Inference.Models;
using ImageVault.Inference.Ocr;
using Microsoft.Extensions.Options;

namespace ImageVault.Infrastructure.Models;

/// <summary>
/// <see cref="IImageModels"/> on ONNX Runtime: each model loaded once per silo (on first use) and run on
/// the thread pool, never on an Orleans scheduler thread. Embeddings run up to one per core; OCR, about
/// seven times the cost, up to <see cref="AnalysisOptions.TextConcurrency"/> at once, so uploads keep
/// moving while text is read.
/// </summary>
public sealed class OnnxImageModels(IOptions<AnalysisOptions> options) : IImageModels, IDisposable
{
    private readonly ImageInference _inference = new(options.Value.ModelDirectory, options.Value.Concurrency);
    private readonly SemaphoreSlim _ocrSlots = new(options.Value.TextConcurrency, options.Value.TextConcurrency);

    public string EmbeddingModel => ModelFiles.EmbeddingModel;
    public string OcrModel => ModelFiles.OcrModel;

    public Task<float[]> EmbedAsync(RgbImage square, CancellationToken ct = default) =>
        Task.Run(() => _inference.Embed(square), ct);

    public async Task<OcrResult> ReadTextAsync(RgbImage page, CancellationToken ct = default)
    {
        await _ocrSlots.WaitAsync(ct);
        try { return await Task.Run(() => _inference.ReadText(page), ct); }
        finally { _ocrSlots.Release(); }
    }

    public void Dispose()
    {
        _inference.Dispose();
        _ocrSlots.Dispose();
    }
}
