using System.Numerics;

namespace ImageVault.Imaging.Features;

/// <summary>
/// Perceptual hashes of an image's luma. pHash: the signs of the 8×8 lowest frequencies of a 32×32 DCT
/// against their median — robust to scaling, recompression, colour loss and small crops. It is also
/// computed for the image turned by 90°, 180° and 270°, so a rotated copy still matches. dHash: the
/// signs of horizontal gradients on a 9×8 grid.
/// </summary>
public static class PerceptualHash
{
    private const int Size = 32, Low = 8;
    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>pHash of the image as it is, then turned 90°, 180° and 270° clockwise.</summary>
    public static ulong[] PHashes(Raster raster)
    {
        var grid = raster.GrayGrid(Size, Size);
        var hashes = new ulong[4];
        for (var turn = 0; turn < 4; turn++)
        {
            hashes[turn] = PHash(grid);
            grid = TurnClockwise(grid);
        }
        return hashes;
    }

    public static ulong DHash(Raster raster)
    {
        var grid = raster.GrayGrid(9, 8);
        ulong hash = 0;
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 8; x++)
                hash = (hash << 1) | (grid[y, x] < grid[y, x + 1] ? 1UL : 0UL);
        return hash;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The smallest distance between <paramref name="a"/>'s upright hash and any turn of <paramref name="b"/>.</summary>
    public static int RotationInvariantDistance(IReadOnlyList<ulong> a, IReadOnlyList<ulong> b) =>
        a.Count == 0 || b.Count == 0 ? 64 : b.Min(h => Distance(a[0], h));

    private static ulong PHash(double[,] grid)
    {
        var coefficients = new double[Low * Low];
        for (var u = 0; u < Low; u++)
            for (var v = 0; v < Low; v++)
            {
                double sum = 0;
                for (var y = 0; y < Size; y++)
                    for (var x = 0; x < Size; x++)
                        sum += grid[y, x] * Cosines[u, y] * Cosines[v, x];
                coefficients[u * Low + v] = sum;
            }
        // The DC term measures brightness, not structure: it stays out of the median.
        var median = coefficients.Skip(1).Order().ElementAt((Low * Low - 1) / 2);
        ulong hash = 0;
        foreach (var c in coefficients) hash = (hash << 1) | (c > median ? 1UL : 0UL);
        return hash;
    }

    private static double[,] TurnClockwise(double[,] g)
    {
        var turned = new double[Size, Size];
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++) turned[x, Size - 1 - y] = g[y, x];
        return turned;
    }

    private static double[,] BuildCosines()
    {
        var c = new double[Low, Size];
        for (var u = 0; u < Low; u++)
            for (var x = 0; x < Size; x++) c[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
        return c;
    }
}
