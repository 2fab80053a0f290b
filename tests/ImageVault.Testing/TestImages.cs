using NetVips;

namespace ImageVault.Testing;

/// <summary>Small real images made on the fly with libvips: no binary fixtures in the repository.</summary>
public static class TestImages
{
    /// <summary>A JPEG of one colour (plus a gradient so encoders have something to do), optionally with EXIF.</summary>
    public static byte[] Jpeg(int width = 64, int height = 48, (byte R, byte G, byte B)? colour = null, ExifBuilder? exif = null)
    {
        using var image = Solid(width, height, colour ?? (200, 60, 40));
        var jpeg = image.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        return exif is null ? jpeg : exif.InsertInto(jpeg);
    }

    public static byte[] Png(int width = 64, int height = 48, (byte R, byte G, byte B)? colour = null)
    {
        using var image = Solid(width, height, colour ?? (30, 120, 200));
        return image.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    /// <summary>A unique JPEG (the seed shifts its colour), for tests that must not hit duplicate detection.</summary>
    public static byte[] UniqueJpeg(int seed, ExifBuilder? exif = null, int width = 64, int height = 48) =>
        Jpeg(width, height, ((byte)(seed * 37 % 256), (byte)(seed * 91 % 256), (byte)(seed * 13 % 256)), exif);

    /// <summary>
    /// A structured picture decided by the seed: a sky gradient in its own colours, a horizon at its own
    /// height, a ground of stripes or a plain field, and shapes of all kinds. Enough for embeddings and
    /// perceptual hashes to tell two seeds apart and a variant of one seed alike.
    /// </summary>
    public static byte[] Scene(int seed, int width = 480, int height = 360)
    {
        var random = new Random(seed);
        double[] Colour() => [random.Next(256), random.Next(256), random.Next(256)];
        var (top, bottom) = (Colour(), Colour());
        using var xyz = Image.Xyz(width, height);
        using var t = random.Next(2) == 0 ? xyz[1] / (double)height : (xyz[0] + xyz[1]) / (double)(width + height);
        using var sky = (t * bottom.Zip(top, (b, a) => b - a).ToArray() + top).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        var horizon = height * random.Next(40, 75) / 100;
        var stripes = random.Next(2) == 0;
        var scene = sky.Mutate(m =>
        {
            var ground = Colour();
            m.DrawRect(ground, 0, horizon, width, height - horizon, fill: true);
            if (stripes)
                for (var x = random.Next(10); x < width; x += random.Next(12, 40))
                    m.DrawRect(Colour(), x, horizon, random.Next(3, 10), height - horizon, fill: true);
            for (var i = random.Next(6, 12); i > 0; i--)
            {
                var ink = Colour();
                switch (random.Next(3))
                {
                    case 0: m.DrawRect(ink, random.Next(width - 40), random.Next(height - 40), random.Next(15, width / 3), random.Next(15, height / 3), fill: true); break;
                    case 1: m.DrawCircle(ink, random.Next(width), random.Next(height), random.Next(8, height / 4), fill: true); break;
                    default: m.DrawLine(ink, random.Next(width), random.Next(height), random.Next(width), random.Next(height)); break;
                }
            }
        });
        using (scene) return scene.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
    }

    /// <summary>A variant of a picture: scaled, optionally grey, re-encoded at another quality.</summary>
    public static byte[] Variant(byte[] jpeg, double scale = 0.5, bool grey = false, int quality = 70)
    {
        using var original = Image.NewFromBuffer(jpeg);
        using var scaled = original.Resize(scale);
        using var result = grey ? scaled.Colourspace(Enums.Interpretation.Bw) : scaled.Copy();
        return result.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }

    /// <summary>Dark text on a white page, rendered by libvips (Pango).</summary>
    public static byte[] TextPng(string text, int dpi = 200)
    {
        using var mask = Image.Text(text, dpi: dpi);
        using var page = mask.Embed(40, 40, mask.Width + 80, mask.Height + 80);
        using var ink = (255 - page).Cast(Enums.BandFormat.Uchar);
        using var rgb = ink.Bandjoin(ink, ink).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    /// <summary>An uncompressed 24-bit bottom-up BMP: left half red, right half blue.</summary>
    public static byte[] Bmp24(int width, int height)
    {
        var stride = (width * 3 + 3) / 4 * 4;
        var bmp = new byte[54 + stride * height];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(bmp.Length).CopyTo(bmp, 2);
        BitConverter.GetBytes(54).CopyTo(bmp, 10);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(width).CopyTo(bmp, 18);
        BitConverter.GetBytes(height).CopyTo(bmp, 22);
        BitConverter.GetBytes((short)1).CopyTo(bmp, 26);
        BitConverter.GetBytes((short)24).CopyTo(bmp, 28);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var o = 54 + y * stride + x * 3;
                if (x < width / 2) bmp[o + 2] = 255; else bmp[o] = 255; // stored B, G, R
            }
        return bmp;
    }

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> with no pixel data behind it.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var ihdr = new byte[] { 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
            (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. ihdr];
    }

    private static Image Solid(int width, int height, (byte R, byte G, byte B) c)
    {
        using var ramp = Image.Xyz(width, height)[0] * (40.0 / Math.Max(1, width));
        using var baseColour = Image.Black(width, height, bands: 3) + new double[] { c.R, c.G, c.B };
        using var sum = baseColour + ramp;
        return sum.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
