namespace ImageVault.Imaging.Features;

/// <summary>Decoded 8-bit RGB pixels, interleaved. The bytes travel beside the JSON in the worker protocol.</summary>
public sealed record Raster(string Name, int Width, int Height,
    [property: System.Text.Json.Serialization.JsonIgnore] byte[] Pixels)
{
    public const string Square = "square", Page = "page";

    /// <summary>Luma (BT.601) averaged over a <paramref name="w"/>×<paramref name="h"/> grid of equal cells: an anti-aliased downscale.</summary>
    public double[,] GrayGrid(int w, int h)
    {
        var sums = new double[h, w];
        var counts = new int[h, w];
        for (var y = 0; y < Height; y++)
        {
            var gy = Math.Min(h - 1, y * h / Height);
            for (var x = 0; x < Width; x++)
            {
                var gx = Math.Min(w - 1, x * w / Width);
                var i = (y * Width + x) * 3;
                sums[gy, gx] += 0.299 * Pixels[i] + 0.587 * Pixels[i + 1] + 0.114 * Pixels[i + 2];
                counts[gy, gx]++;
            }
        }
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) sums[y, x] /= Math.Max(1, counts[y, x]);
        return sums;
    }

    /// <summary>Up to <paramref name="max"/> pixels taken on an even grid, as (r, g, b).</summary>
    public IEnumerable<(byte R, byte G, byte B)> SamplePixels(int max)
    {
        var step = Math.Max(1, (int)Math.Sqrt((double)Width * Height / max));
        for (var y = step / 2; y < Height; y += step)
            for (var x = step / 2; x < Width; x += step)
            {
                var i = (y * Width + x) * 3;
                yield return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
            }
    }
}
