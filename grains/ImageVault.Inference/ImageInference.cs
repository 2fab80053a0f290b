using ImageVault.Inference.Embeddings;
using ImageVault.Inference.Models;
using ImageVault.Inference.Ocr;

namespace ImageVault.Inference;

/// <summary>
/// The models of one process, each loaded once on first use and shared: embeddings and OCR.
/// Concurrency bounds the simultaneous runs of each model (default: one per core).
/// </summary>
public sealed class ImageInference : IDisposable
{
    private readonly Lazy<ResNetEmbedder> _embedder;
    private readonly Lazy<OcrEngine> _ocr;

    public ImageInference(string? modelDirectory = null, int concurrency = 0)
    {
        var directory = modelDirectory ?? ModelFiles.DefaultDirectory;
        var slots = concurrency > 0 ? concurrency : Environment.ProcessorCount;
        _embedder = new(() => new ResNetEmbedder(directory, slots));
        _ocr = new(() => new OcrEngine(directory, slots));
    }


    public float[] Embed(RgbImage square224) => _embedder.Value.Embed(square224);

    public OcrResult ReadText(RgbImage image) => _ocr.Value.Read(image);

    public void Dispose()
    {
        if (_embedder.IsValueCreated) _embedder.Value.Dispose();
        if (_ocr.IsValueCreated) _ocr.Value.Dispose();
    }
}
