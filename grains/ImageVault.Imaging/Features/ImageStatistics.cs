namespace ImageVault.Imaging.Features;

/// <summary>
/// Whole-image measures behind the technical tags. Sharpness is the variance of the Laplacian of luma
/// on a 512-px grid (a blurry image has few strong second derivatives); brightness is mean luma;
/// colourfulness the mean HSV saturation.
/// </summary>
public sealed record ImageStatistics(double Sharpness, double Brightness, double Colourfulness)
{
    private const int Grid = 512;

    public static ImageStatistics Measure(Raster raster)
    {
        var (w, h) = raster.Width >= raster.Height
            ? (Math.Min(Grid, raster.Width), Math.Max(3, Math.Min(Grid, raster.Width) * raster.Height / raster.Width))
            : (Math.Max(3, Math.Min(Grid, raster.Height) * raster.Width / raster.Height), Math.Min(Grid, raster.Height));
        w = Math.Max(3, w);
        var luma = raster.GrayGrid(w, h);
        double sum = 0, sumSq = 0, brightness = 0;
        var n = 0;
        for (var y = 1; y < h - 1; y++)
            for (var x = 1; x < w - 1; x++)
            {
                var lap = luma[y - 1, x] + luma[y + 1, x] + luma[y, x - 1] + luma[y, x + 1] - 4 * luma[y, x];
                (sum, sumSq, n) = (sum + lap, sumSq + lap * lap, n + 1);
            }
        foreach (var v in luma) brightness += v;
        var saturation = raster.SamplePixels(4096).Average(p =>
        {
            double max = Math.Max(p.R, Math.Max(p.G, p.B)), min = Math.Min(p.R, Math.Min(p.G, p.B));
            return max == 0 ? 0 : (max - min) / max;
        });
        var variance = n == 0 ? 0 : sumSq / n - (sum / n) * (sum / n);
        return new ImageStatistics(Math.Round(variance, 2), Math.Round(brightness / luma.Length, 2), Math.Round(saturation, 4));
    }
}
