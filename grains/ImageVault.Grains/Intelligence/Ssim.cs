namespace ImageVault.Grains.Intelligence;

/// <summary>
/// Structural similarity of two equally sized grey images (8×8 windows, stride 4, the usual constants
/// for 8-bit data), averaged over the windows: 1 for identical images.
/// </summary>
public static class Ssim
{
    private const int Window = 8, Stride = 4;
    private const double C1 = 6.5025, C2 = 58.5225; // (0.01·255)², (0.03·255)²

    public static double Compute(byte[] a, byte[] b, int width, int height)
    {
        if (a.Length != width * height || b.Length != a.Length) throw new ArgumentException("images differ in size");
        double total = 0;
        var windows = 0;
        for (var y = 0; y + Window <= height; y += Stride)
            for (var x = 0; x + Window <= width; x += Stride)
            {
                double ma = 0, mb = 0, va = 0, vb = 0, cov = 0;
                for (var j = y; j < y + Window; j++)
                    for (var i = x; i < x + Window; i++) { ma += a[j * width + i]; mb += b[j * width + i]; }
                const int n = Window * Window;
                (ma, mb) = (ma / n, mb / n);
                for (var j = y; j < y + Window; j++)
                    for (var i = x; i < x + Window; i++)
                    {
                        double da = a[j * width + i] - ma, db = b[j * width + i] - mb;
                        va += da * da; vb += db * db; cov += da * db;
                    }
                (va, vb, cov) = (va / (n - 1), vb / (n - 1), cov / (n - 1));
                total += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                windows++;
            }
        return windows == 0 ? 0 : total / windows;
    }
}
