namespace ImageVault.Inference.Ocr;

/// <summary>
/// A rotated rectangle around a piece of text, as four corners in image pixels:
/// top-left, top-right, bottom-right, bottom-left in the text's own reading direction.
/// </summary>
public sealed record TextQuad(float X0, float Y0, float X1, float Y1, float X2, float Y2, float X3, float Y3)
{
    public float Width => Distance(X0, Y0, X1, Y1);
    public float Height => Distance(X0, Y0, X3, Y3);
    public float CenterX => (X0 + X1 + X2 + X3) / 4;
    public float CenterY => (Y0 + Y1 + Y2 + Y3) / 4;
    public float Top => Math.Min(Math.Min(Y0, Y1), Math.Min(Y2, Y3));
    public float Bottom => Math.Max(Math.Max(Y0, Y1), Math.Max(Y2, Y3));
    public float Left => Math.Min(Math.Min(X0, X1), Math.Min(X2, X3));

    /// <summary>Rotation of the text baseline in degrees (0 = horizontal).</summary>
    public float AngleDegrees => MathF.Atan2(Y1 - Y0, X1 - X0) * 180 / MathF.PI;

    public float[] ToArray() => [X0, Y0, X1, Y1, X2, Y2, X3, Y3];

    public TextQuad Scale(float sx, float sy) => new(X0 * sx, Y0 * sy, X1 * sx, Y1 * sy, X2 * sx, Y2 * sy, X3 * sx, Y3 * sy);

    private static float Distance(float ax, float ay, float bx, float by) => MathF.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
}

/// <summary>One recognised piece of text and where it is.</summary>
public sealed record TextBox(string Text, float Confidence, TextQuad Quad);

/// <summary>All text found in an image: the boxes, and the text assembled into lines in reading order.</summary>
public sealed record OcrResult(string Text, IReadOnlyList<TextBox> Boxes)
{
    public static readonly OcrResult Empty = new("", []);
}
