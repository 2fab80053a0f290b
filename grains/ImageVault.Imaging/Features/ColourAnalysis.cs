namespace ImageVault.Imaging.Features;

/// <summary>One colour of a palette and the share of the image it covers.</summary>
public sealed record PaletteColour(string Hex, double Weight);

/// <summary>
/// Colour of an image: a dominant palette (k-means in CIELAB on a sample of pixels), named colour
/// buckets with their shares (hue/saturation/value rules, so "red" means what people call red), and
/// coarse CIELAB cells of the palette that make "near this hex colour" a plain term query in any index.
/// </summary>
public static class ColourAnalysis
{
    public const int CellSize = 8;
    private const int Clusters = 5, Samples = 2048, Iterations = 8;
    private const double MinPaletteWeight = 0.03, MinNamedShare = 0.08;

    public static readonly IReadOnlyList<string> Names =
        ["red", "orange", "yellow", "green", "teal", "blue", "purple", "pink", "brown", "black", "gray", "white"];

    public static IReadOnlyList<PaletteColour> Palette(Raster raster)
    {
        var labs = raster.SamplePixels(Samples).Select(p => Lab.FromRgb(p.R, p.G, p.B)).ToArray();
        if (labs.Length == 0) return [];
        // Deterministic seeds: the first sample, then each time the sample farthest from all chosen.
        var centres = new List<Lab> { labs[0] };
        var nearest = labs.Select(l => l.DistanceTo(labs[0])).ToArray();
        while (centres.Count < Math.Min(Clusters, labs.Length))
        {
            var farthest = labs[Array.IndexOf(nearest, nearest.Max())];
            centres.Add(farthest);
            for (var i = 0; i < labs.Length; i++) nearest[i] = Math.Min(nearest[i], labs[i].DistanceTo(farthest));
        }
        var assignment = new int[labs.Length];
        var counts = new int[centres.Count];
        for (var round = 0; round < Iterations; round++)
        {
            var sums = new (double L, double A, double B)[centres.Count];
            Array.Clear(counts);
            for (var i = 0; i < labs.Length; i++)
            {
                var best = 0;
                for (var k = 1; k < centres.Count; k++)
                    if (centres[k].DistanceTo(labs[i]) < centres[best].DistanceTo(labs[i])) best = k;
                assignment[i] = best;
                counts[best]++;
                sums[best] = (sums[best].L + labs[i].L, sums[best].A + labs[i].A, sums[best].B + labs[i].B);
            }
            for (var k = 0; k < centres.Count; k++)
                if (counts[k] > 0) centres[k] = new Lab(sums[k].L / counts[k], sums[k].A / counts[k], sums[k].B / counts[k]);
        }
        return Enumerable.Range(0, centres.Count)
            .Select(k => new PaletteColour(centres[k].ToHex(), Math.Round((double)counts[k] / labs.Length, 3)))
            .Where(c => c.Weight >= MinPaletteWeight)
            .OrderByDescending(c => c.Weight)
            .ToArray();
    }

    /// <summary>Colour names covering at least 8 % of the image, largest share first.</summary>
    public static IReadOnlyList<string> NamedColours(Raster raster)
    {
        var counts = new Dictionary<string, int>();
        var total = 0;
        foreach (var (r, g, b) in raster.SamplePixels(Samples))
        {
            var name = NameOf(r, g, b);
            counts[name] = counts.GetValueOrDefault(name) + 1;
            total++;
        }
        return counts.Where(c => c.Value >= MinNamedShare * total).OrderByDescending(c => c.Value).Select(c => c.Key).ToArray();
    }

    public static string NameOf(byte r, byte g, byte b)
    {
        double max = Math.Max(r, Math.Max(g, b)) / 255.0, min = Math.Min(r, Math.Min(g, b)) / 255.0;
        double v = max, s = max == 0 ? 0 : (max - min) / max;
        if (v < 0.18) return "black";
        if (s < 0.15) return v > 0.85 ? "white" : "gray";
        var h = Hue(r, g, b);
        if ((h < 40 || h >= 345) && v < 0.55 && s > 0.25) return "brown";
        return h switch
        {
            < 15 or >= 345 => "red",
            < 40 => "orange",
            < 68 => "yellow",
            < 160 => "green",
            < 195 => "teal",
            < 255 => "blue",
            < 290 => "purple",
            _ => "pink",
        };
    }

    /// <summary>The CIELAB cell of a colour, as an index term ("c3_-1_4").</summary>
    public static string Cell(Lab lab) =>
        $"c{(int)Math.Floor(lab.L / CellSize)}_{(int)Math.Floor(lab.A / CellSize)}_{(int)Math.Floor(lab.B / CellSize)}";

    /// <summary>Cells of the palette colours that cover a real part of the image.</summary>
    public static IReadOnlyList<string> Cells(IEnumerable<PaletteColour> palette) =>
        palette.Where(p => p.Weight >= 0.05 && Lab.TryParseHex(p.Hex, out _))
            .Select(p => { Lab.TryParseHex(p.Hex, out var lab); return Cell(lab); }).Distinct().ToArray();

    /// <summary>Every cell a colour within <paramref name="tolerance"/> (ΔE, per axis) of <paramref name="centre"/> can fall in.</summary>
    public static IReadOnlyList<string> CellsNear(Lab centre, double tolerance)
    {
        tolerance = Math.Clamp(tolerance, 0, 40);
        int Lo(double v) => (int)Math.Floor((v - tolerance) / CellSize);
        int Hi(double v) => (int)Math.Floor((v + tolerance) / CellSize);
        var cells = new List<string>();
        for (var l = Lo(centre.L); l <= Hi(centre.L); l++)
            for (var a = Lo(centre.A); a <= Hi(centre.A); a++)
                for (var b = Lo(centre.B); b <= Hi(centre.B); b++) cells.Add($"c{l}_{a}_{b}");
        return cells;
    }

    private static double Hue(byte r, byte g, byte b)
    {
        double R = r / 255.0, G = g / 255.0, B = b / 255.0;
        double max = Math.Max(R, Math.Max(G, B)), min = Math.Min(R, Math.Min(G, B)), d = max - min;
        if (d == 0) return 0;
        var h = max == R ? (G - B) / d % 6 : max == G ? (B - R) / d + 2 : (R - G) / d + 4;
        return (h * 60 + 360) % 360;
    }
}
