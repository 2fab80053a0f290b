using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Inference;
using ImageVault.Inference.Ocr;
using Microsoft.Extensions.Options;

namespace ImageVault.Infrastructure.Models;

/// <summary>
/// <see cref="IImageModels"/> on ONNX Runtime: each model loaded once per silo (on first use) and run on
/// the thread pool, never on an Orleans scheduler thread; concurrency per model is bounded inside.
/// </summary>
public sealed class OnnxImageModels(IOptions<AnalysisOptions> options) : IImageModels, IDisposable
{
    private readonly ImageInference _inference = new(options.Value.ModelDirectory, options.Value.Concurrency);

    public string ModelVersion => ImageInference.ModelVersion;

    public Task<float[]> EmbedAsync(RgbImage square, CancellationToken ct = default) =>
        Task.Run(() => _inference.Embed(square), ct);

    public Task<OcrResult> ReadTextAsync(RgbImage page, CancellationToken ct = default) =>
        Task.Run(() => _inference.ReadText(page), ct);

    public void Dispose() => _inference.Dispose();
}
