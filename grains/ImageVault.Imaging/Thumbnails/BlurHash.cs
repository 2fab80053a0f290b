using System.Text;

namespace ImageVault.Imaging.Thumbnails;

/// <summary>
/// BlurHash encoder (a DCT of a tiny image in base 83): about 30 characters that a UI turns into a
/// blurred placeholder while the thumbnail loads. Written from the published algorithm description.
/// </summary>
public static class BlurHash
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>Encodes interleaved 8-bit RGB pixels (<paramref name="width"/>×<paramref name="height"/>×3).</summary>
    public static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int componentsX = 4, int componentsY = 3)
    {
        if (componentsX is < 1 or > 9 || componentsY is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(componentsX));
        if (rgb.Length < width * height * 3) throw new ArgumentException("pixel buffer too small", nameof(rgb));

        // Linearise each pixel once and tabulate the cosines: the DCT then only multiplies and adds.
        var linear = new double[width * height * 3];
        for (var p = 0; p < linear.Length; p++) linear[p] = SrgbToLinear[rgb[p]];
        var cosX = Table(componentsX, width);
        var cosY = Table(componentsY, height);

        var factors = new (double R, double G, double B)[componentsX * componentsY];
        for (var j = 0; j < componentsY; j++)
        for (var i = 0; i < componentsX; i++)
        {
            double r = 0, g = 0, b = 0;
            for (var y = 0; y < height; y++)
            {
                var cy = cosY[j * height + y];
                for (var x = 0; x < width; x++)
                {
                    var basis = cosX[i * width + x] * cy;
                    var p = (y * width + x) * 3;
                    r += basis * linear[p];
                    g += basis * linear[p + 1];
                    b += basis * linear[p + 2];
                }
            }
            var scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (width * height);
            factors[j * componentsX + i] = (r * scale, g * scale, b * scale);
        }

        var sb = new StringBuilder();
        Base83(sb, componentsX - 1 + (componentsY - 1) * 9, 1);
        double maxValue = 1;
        if (factors.Length > 1)
        {
            var actualMax = factors.Skip(1).Max(f => Math.Max(Math.Abs(f.R), Math.Max(Math.Abs(f.G), Math.Abs(f.B))));
            var quantisedMax = (int)Math.Clamp(Math.Floor(actualMax * 166 - 0.5), 0, 82);
            maxValue = (quantisedMax + 1) / 166.0;
            Base83(sb, quantisedMax, 1);
        }
        else Base83(sb, 0, 1);

        var dc = factors[0];
        Base83(sb, (LinearToSrgb(dc.R) << 16) + (LinearToSrgb(dc.G) << 8) + LinearToSrgb(dc.B), 4);
        foreach (var f in factors.Skip(1))
            Base83(sb, QuantiseAc(f.R, maxValue) * 19 * 19 + QuantiseAc(f.G, maxValue) * 19 + QuantiseAc(f.B, maxValue), 2);
        return sb.ToString();
    }

    private static int QuantiseAc(double value, double maxValue) =>
        (int)Math.Clamp(Math.Floor(SignPow(value / maxValue, 0.5) * 9 + 9.5), 0, 18);

    private static double SignPow(double v, double exp) => Math.CopySign(Math.Pow(Math.Abs(v), exp), v);

    private static readonly double[] SrgbToLinear = Enumerable.Range(0, 256).Select(value =>
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }).ToArray();

    private static double[] Table(int components, int size)
    {
        var table = new double[components * size];
        for (var c = 0; c < components; c++)
            for (var n = 0; n < size; n++) table[c * size + n] = Math.Cos(Math.PI * c * n / size);
        return table;
    }

    private static int LinearToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308 ? (int)(v * 12.92 * 255 + 0.5) : (int)((1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void Base83(StringBuilder sb, int value, int length)
    {
        for (var i = 1; i <= length; i++)
            sb.Append(Alphabet[value / (int)Math.Pow(83, length - i) % 83]);
    }
}
