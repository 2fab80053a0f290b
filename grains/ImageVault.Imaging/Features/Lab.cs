namespace ImageVault.Imaging.Features;

/// <summary>A CIELAB colour (D65): distances in it roughly follow perceived differences (ΔE76).</summary>
public readonly record struct Lab(double L, double A, double B)
{
    public double DistanceTo(Lab o) => Math.Sqrt((L - o.L) * (L - o.L) + (A - o.A) * (A - o.A) + (B - o.B) * (B - o.B));

    public static Lab FromRgb(byte r, byte g, byte b)
    {
        double R = Linear(r), G = Linear(g), B = Linear(b);
        double x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
        double y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
        double z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
        double fx = F(x), fy = F(y), fz = F(z);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    public (byte R, byte G, byte B) ToRgb()
    {
        double fy = (L + 16) / 116, fx = fy + A / 500, fz = fy - B / 200;
        double x = Finv(fx) * 0.95047, y = Finv(fy), z = Finv(fz) * 1.08883;
        double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
        double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
        double b = 0.0557 * x - 0.2040 * y + 1.0570 * z;
        return (Gamma(r), Gamma(g), Gamma(b));
    }

    public static bool TryParseHex(string? hex, out Lab lab)
    {
        lab = default;
        var s = hex?.TrimStart('#') ?? "";
        if (s.Length != 6 || !int.TryParse(s, System.Globalization.NumberStyles.HexNumber, null, out var v)) return false;
        lab = FromRgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
        return true;
    }

    public string ToHex()
    {
        var (r, g, b) = ToRgb();
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static double Linear(byte c) { var v = c / 255.0; return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4); }
    private static byte Gamma(double v) { v = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.Pow(Math.Max(v, 0), 1 / 2.4) - 0.055; return (byte)Math.Clamp(Math.Round(v * 255), 0, 255); }
    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    private static double Finv(double t) => t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
}
