using ImageVault.Inference.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageVault.Inference.Ocr;

/// <summary>
/// Finds text regions with the PP-OCRv4 detector (a differentiable-binarisation network): it predicts,
/// per pixel, the probability of being inside text. Regions are the connected areas above a threshold,
/// each boxed by its minimum-area rotated rectangle and grown back by the shrink the network was
/// trained with.
/// </summary>
public sealed class DbTextDetector(OnnxModel model)
{
    public const int MaxSide = 960, MinDetectSide = 640;
    private const float PixelThreshold = 0.3f, BoxThreshold = 0.6f, UnclipRatio = 1.5f;
    private const int MinSide = 3, MaxCandidates = 1000;
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f];

    public IReadOnlyList<TextQuad> Detect(RgbImage image)
    {
        // Large images shrink to 960 px; small ones grow to 640 px (at most 3×) so small print is not lost.
        var longest = Math.Max(image.Width, image.Height);
        var scale = longest > MaxSide ? (float)MaxSide / longest : Math.Min(3f, Math.Max(1f, (float)MinDetectSide / longest));
        var w = Math.Max(32, (int)MathF.Round(image.Width * scale / 32) * 32);
        var h = Math.Max(32, (int)MathF.Round(image.Height * scale / 32) * 32);
        var (prob, _) = model.Run(Input(image, w, h));
        var (sx, sy) = ((float)image.Width / w, (float)image.Height / h);
        var boxes = new List<TextQuad>();
        foreach (var region in Regions(prob, w, h))
        {
            if (region.Score < BoxThreshold) continue;
            var rect = RotatedRects.MinAreaRect(RotatedRects.ConvexHull(region.Points));
            if (Math.Min(rect.Width, rect.Height) < MinSide) continue;
            // The network predicts text shrunk by a margin of area·r/perimeter; undo it.
            var margin = rect.Width * rect.Height * UnclipRatio / (2 * (rect.Width + rect.Height));
            var grown = RotatedRects.Expand(rect, margin);
            if (Math.Min(grown.Width, grown.Height) < MinSide + 2) continue;
            boxes.Add(Clamp(grown.Scale(sx, sy), image.Width, image.Height));
            if (boxes.Count == MaxCandidates) break;
        }
        return boxes;
    }

    /// <summary>The image resized to w×h, planar in BGR order, normalised as the detector was trained.</summary>
    private static DenseTensor<float> Input(RgbImage image, int w, int h)
    {
        var data = new float[3 * h * w];
        var (fx, fy) = ((float)image.Width / w, (float)image.Height / h);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        for (var c = 0; c < 3; c++)
        {
            var value = image.Sample((x + 0.5f) * fx - 0.5f, (y + 0.5f) * fy - 0.5f, 2 - c) / 255f;
            data[(c * h + y) * w + x] = (value - Mean[c]) / Std[c];
        }
        return new DenseTensor<float>(data, [1, 3, h, w]);
    }

    /// <summary>8-connected regions of the binarised map, each with its pixels and mean probability.</summary>
    private static IEnumerable<(List<(float X, float Y)> Points, float Score)> Regions(float[] prob, int w, int h)
    {
        var seen = new bool[prob.Length];
        var stack = new Stack<int>();
        for (var start = 0; start < prob.Length; start++)
        {
            if (seen[start] || prob[start] <= PixelThreshold) continue;
            var points = new List<(float, float)>();
            var sum = 0f;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                var (x, y) = (i % w, i / w);
                points.Add((x, y));
                sum += prob[i];
                for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (nx, ny) = (x + dx, y + dy);
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    var n = ny * w + nx;
                    if (seen[n] || prob[n] <= PixelThreshold) continue;
                    seen[n] = true;
                    stack.Push(n);
                }
            }
            if (points.Count >= 4) yield return (points, sum / points.Count);
        }
    }

    private static TextQuad Clamp(TextQuad q, int w, int h)
    {
        float X(float v) => Math.Clamp(v, 0, w - 1);
        float Y(float v) => Math.Clamp(v, 0, h - 1);
        return new TextQuad(X(q.X0), Y(q.Y0), X(q.X1), Y(q.Y1), X(q.X2), Y(q.Y2), X(q.X3), Y(q.Y3));
    }
}
