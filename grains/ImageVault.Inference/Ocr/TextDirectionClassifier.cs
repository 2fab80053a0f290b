using ImageVault.Inference.Models;

namespace ImageVault.Inference.Ocr;

/// <summary>
/// Tells upright text from text upside down (PP-OCR mobile direction classifier), so rotated pages read
/// right. The classifier sees 4:1 windows; a long line squeezed into one window fools it, so long
/// lines are judged by up to three windows of their own (start, middle, end) and the verdicts averaged.
/// </summary>
public sealed class TextDirectionClassifier(OnnxModel model)
{
    private const int Height = 48, Width = 192, BatchSize = 8, Windows = 3;
    private const float Confidence = 0.9f;

    /// <summary>The crops, with those the classifier is sure are upside down turned over, and how many those were.</summary>
    public (RgbImage[] Crops, int Flipped) Upright(IReadOnlyList<RgbImage> crops)
    {
        var windows = crops.SelectMany((crop, i) => WindowsOf(crop).Select(w => (Crop: i, Window: w))).ToArray();
        var sums = new float[crops.Count];
        var counts = new int[crops.Count];
        for (var start = 0; start < windows.Length; start += BatchSize)
        {
            var batch = windows.Skip(start).Take(BatchSize).ToArray();
            var (probs, _) = model.Run(TextCrops.Batch(batch.Select(b => b.Window).ToArray(), Height, Width));
            for (var i = 0; i < batch.Length; i++)
            {
                sums[batch[i].Crop] += probs[i * 2 + 1];
                counts[batch[i].Crop]++;
            }
        }
        var result = crops.ToArray();
        var flipped = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (sums[i] / counts[i] <= Confidence) continue;
            result[i] = TextCrops.Rotate180(result[i]);
            flipped++;
        }
        return (result, flipped);
    }

    private static IEnumerable<RgbImage> WindowsOf(RgbImage crop)
    {
        var windowWidth = crop.Height * Width / Height;
        if (crop.Width <= windowWidth * 1.5) return [crop];
        var last = crop.Width - windowWidth;
        return new[] { 0, last / 2, last }.Take(Windows).Select(x => Slice(crop, x, windowWidth));
    }

    private static RgbImage Slice(RgbImage crop, int x, int width)
    {
        var pixels = new byte[width * crop.Height * 3];
        for (var y = 0; y < crop.Height; y++)
            Array.Copy(crop.Pixels, (y * crop.Width + x) * 3, pixels, y * width * 3, width * 3);
        return new RgbImage(width, crop.Height, pixels);
    }
}
