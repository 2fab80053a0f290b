namespace ImageVault.Inference;

/// <summary>Decoded pixels, 8-bit RGB interleaved, row-major: what the sandboxed decoder hands to the models.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels)
{
    public static RgbImage Create(int width, int height, byte[] pixels) =>
        pixels.Length == checked(width * height * 3) ? new RgbImage(width, height, pixels)
            : throw new ArgumentException($"expected {width * height * 3} bytes of RGB, got {pixels.Length}");

    /// <summary>Bilinear sample of channel <paramref name="c"/> at a real-valued position, clamped to the edges.</summary>
    public float Sample(float x, float y, int c)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        float fx = x - x0, fy = y - y0;
        float top = At(x0, y0, c) * (1 - fx) + At(x1, y0, c) * fx;
        float bottom = At(x0, y1, c) * (1 - fx) + At(x1, y1, c) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private float At(int x, int y, int c) => Pixels[(y * Width + x) * 3 + c];
}
