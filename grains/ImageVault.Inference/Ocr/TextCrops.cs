using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageVault.Inference.Ocr;

/// <summary>Cuts text boxes out upright and packs them into the fixed-height tensors the classifier and recogniser read.</summary>
public static class TextCrops
{
    /// <summary>The pixels inside <paramref name="q"/>, resampled upright (w along the text, h across it).
    /// Boxes much taller than wide hold vertical text: turned a quarter so the text runs left to right.</summary>
    public static RgbImage Cut(RgbImage image, TextQuad q)
    {
        int w = Math.Max(1, (int)MathF.Round(q.Width)), h = Math.Max(1, (int)MathF.Round(q.Height));
        var pixels = new byte[w * h * 3];
        for (var j = 0; j < h; j++)
        for (var i = 0; i < w; i++)
        {
            float u = (i + 0.5f) / w, v = (j + 0.5f) / h;
            var x = q.X0 + u * (q.X1 - q.X0) + v * (q.X3 - q.X0);
            var y = q.Y0 + u * (q.Y1 - q.Y0) + v * (q.Y3 - q.Y0);
            for (var c = 0; c < 3; c++) pixels[(j * w + i) * 3 + c] = (byte)Math.Clamp(image.Sample(x, y, c) + 0.5f, 0, 255);
        }
        var crop = new RgbImage(w, h, pixels);
        return h >= 1.5f * w ? PageTurns.TurnCounterClockwise(crop) : crop;
    }

    public static RgbImage Rotate180(RgbImage image)
    {
        var n = image.Width * image.Height;
        var pixels = new byte[n * 3];
        for (var i = 0; i < n; i++)
            for (var c = 0; c < 3; c++) pixels[(n - 1 - i) * 3 + c] = image.Pixels[i * 3 + c];
        return image with { Pixels = pixels };
    }

    /// <summary>
    /// Crops scaled to <paramref name="height"/> keeping their aspect (at most <paramref name="width"/> wide),
    /// BGR planar in −1..1, zero-padded on the right: the layout both PP-OCR heads were trained on.
    /// </summary>
    public static DenseTensor<float> Batch(IReadOnlyList<RgbImage> crops, int height, int width)
    {
        var plane = height * width;
        var data = new float[crops.Count * 3 * plane];
        for (var n = 0; n < crops.Count; n++)
        {
            var crop = crops[n];
            var scaledWidth = Math.Clamp((int)MathF.Ceiling(height * (float)crop.Width / crop.Height), 1, width);
            var (fx, fy) = ((float)crop.Width / scaledWidth, (float)crop.Height / height);
            for (var y = 0; y < height; y++)
            for (var x = 0; x < scaledWidth; x++)
            for (var c = 0; c < 3; c++)
            {
                var value = crop.Sample((x + 0.5f) * fx - 0.5f, (y + 0.5f) * fy - 0.5f, 2 - c);
                data[n * 3 * plane + c * plane + y * width + x] = value / 127.5f - 1f;
            }
        }
        return new DenseTensor<float>(data, [crops.Count, 3, height, width]);
    }
}
