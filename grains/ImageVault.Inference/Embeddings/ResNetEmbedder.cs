using ImageVault.Inference.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageVault.Inference.Embeddings;

/// <summary>
/// 512-d image embeddings from ResNet18 (output of its global pooling), L2-normalised so cosine
/// similarity is a dot product. Input: a 224×224 centre square of the image, planar BGR in 0–255;
/// the package's own preprocessing model subtracts its per-pixel mean image.
/// </summary>
public sealed class ResNetEmbedder : IDisposable
{
    public const int Side = 224, Dimensions = 512;

    private readonly OnnxModel _preprocess, _network;

    public ResNetEmbedder(string directory, int concurrency)
    {
        _preprocess = new OnnxModel(ModelFiles.ResNetPreprocess, directory, concurrency);
        _network = new OnnxModel(ModelFiles.ResNet18, directory, concurrency);
    }

    /// <param name="square">Exactly <see cref="Side"/>×<see cref="Side"/> pixels (the decoder crops and scales).</param>
    public float[] Embed(RgbImage square)
    {
        if (square.Width != Side || square.Height != Side) throw new ArgumentException($"expected {Side}×{Side} pixels");
        const int plane = Side * Side;
        var planar = new float[3 * plane];
        var p = square.Pixels;
        for (var i = 0; i < plane; i++)
        {
            planar[i] = p[i * 3 + 2];             // B
            planar[plane + i] = p[i * 3 + 1];     // G
            planar[2 * plane + i] = p[i * 3];     // R
        }
        var (centred, shape) = _preprocess.Run(new DenseTensor<float>(planar, [1, 3, Side, Side]));
        var (features, _) = _network.Run(new DenseTensor<float>(centred, shape));
        return VectorMath.Normalize(features);
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }
}
