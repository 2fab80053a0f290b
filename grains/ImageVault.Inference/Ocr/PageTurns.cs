namespace ImageVault.Inference.Ocr;

/// <summary>
/// Quarter turns of a whole page, for pages scanned or photographed sideways or upside down, with the
/// way back: boxes found on the turned page are reported in the original image's coordinates.
/// </summary>
public sealed record PageTurns(int Width, int Height, int QuarterTurnsCounterClockwise)
{
    public static PageTurns None(RgbImage page) => new(page.Width, page.Height, 0);

    /// <summary>Turns <paramref name="page"/> (already turned by this) a further <paramref name="quarters"/> counter-clockwise.</summary>
    public (RgbImage Page, PageTurns Turns) Turn(RgbImage page, int quarters)
    {
        for (var i = 0; i < quarters; i++) page = TurnCounterClockwise(page);
        return (page, this with { QuarterTurnsCounterClockwise = (QuarterTurnsCounterClockwise + quarters) % 4 });
    }

    public TextQuad ToOriginal(TextQuad q)
    {
        var p = q.ToArray();
        for (var i = 0; i < 8; i += 2) (p[i], p[i + 1]) = ToOriginal(p[i], p[i + 1]);
        return new TextQuad(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    }

    private (float X, float Y) ToOriginal(float x, float y)
    {
        // Undo counter-clockwise quarter turns one at a time; the size of the page before each undo alternates.
        var (w, h) = QuarterTurnsCounterClockwise % 2 == 0 ? (Width, Height) : (Height, Width);
        for (var i = 0; i < QuarterTurnsCounterClockwise; i++)
        {
            // A counter-clockwise turn maps (x, y) on a w×h page to (y, w-1-x) on an h×w page.
            (x, y) = (h - 1 - y, x);
            (w, h) = (h, w);
        }
        return (x, y);
    }

    public static RgbImage TurnCounterClockwise(RgbImage image)
    {
        var (w, h) = (image.Width, image.Height);
        var pixels = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
            for (var c = 0; c < 3; c++) pixels[((w - 1 - x) * h + y) * 3 + c] = image.Pixels[(y * w + x) * 3 + c];
        return new RgbImage(h, w, pixels);
    }
}
