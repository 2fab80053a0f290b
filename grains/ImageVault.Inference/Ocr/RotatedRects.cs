namespace ImageVault.Inference.Ocr;

/// <summary>Plane geometry for text detection: convex hull and the minimum-area rotated rectangle around points.</summary>
public static class RotatedRects
{
    /// <summary>Convex hull (Andrew's monotone chain), counter-clockwise, without repeated points.</summary>
    public static List<(float X, float Y)> ConvexHull(IEnumerable<(float X, float Y)> points)
    {
        var p = points.Distinct().OrderBy(q => q.X).ThenBy(q => q.Y).ToArray();
        if (p.Length < 3) return [.. p];
        var hull = new (float X, float Y)[2 * p.Length];
        var k = 0;
        for (var i = 0; i < p.Length; i++)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
            hull[k++] = p[i];
        }
        for (int i = p.Length - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
            hull[k++] = p[i];
        }
        return [.. hull[..(k - 1)]];
    }

    /// <summary>
    /// The smallest rotated rectangle holding the hull (one side always lies along a hull edge), with its
    /// corners ordered for reading: the long axis is the one nearer horizontal, pointing right.
    /// </summary>
    public static TextQuad MinAreaRect(IReadOnlyList<(float X, float Y)> hull)
    {
        if (hull.Count == 0) throw new ArgumentException("no points");
        var best = (Area: float.MaxValue, Ux: 1f, Uy: 0f, MinU: 0f, MaxU: 0f, MinV: 0f, MaxV: 0f);
        for (var i = 0; i < Math.Max(1, hull.Count); i++)
        {
            var (a, b) = (hull[i], hull[(i + 1) % hull.Count]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var len = MathF.Sqrt(dx * dx + dy * dy);
            var (ux, uy) = len > 0 ? (dx / len, dy / len) : (1f, 0f);
            float minU = float.MaxValue, maxU = float.MinValue, minV = float.MaxValue, maxV = float.MinValue;
            foreach (var q in hull)
            {
                var u = q.X * ux + q.Y * uy;
                var v = -q.X * uy + q.Y * ux;
                (minU, maxU, minV, maxV) = (Math.Min(minU, u), Math.Max(maxU, u), Math.Min(minV, v), Math.Max(maxV, v));
            }
            var area = (maxU - minU) * (maxV - minV);
            if (area < best.Area) best = (area, ux, uy, minU, maxU, minV, maxV);
        }
        var (cu, cv) = ((best.MinU + best.MaxU) / 2, (best.MinV + best.MaxV) / 2);
        var (cx, cy) = (cu * best.Ux - cv * best.Uy, cu * best.Uy + cv * best.Ux);
        return Oriented(cx, cy, best.Ux, best.Uy, (best.MaxU - best.MinU) / 2, (best.MaxV - best.MinV) / 2);
    }

    /// <summary>Grows a rectangle by <paramref name="margin"/> on every side.</summary>
    public static TextQuad Expand(TextQuad q, float margin)
    {
        var (w, h) = (q.Width, q.Height);
        if (w <= 0 || h <= 0) return q;
        var (ux, uy) = ((q.X1 - q.X0) / w, (q.Y1 - q.Y0) / w);
        return Oriented(q.CenterX, q.CenterY, ux, uy, w / 2 + margin, h / 2 + margin);
    }

    /// <summary>Corners of the rectangle centred at (cx, cy) with half-extents along axis u and its normal.</summary>
    private static TextQuad Oriented(float cx, float cy, float ux, float uy, float halfU, float halfV)
    {
        // Make u the axis nearer horizontal and point it right; v then points down.
        if (MathF.Abs(ux) < MathF.Abs(uy)) (ux, uy, halfU, halfV) = (uy, -ux, halfV, halfU);
        if (ux < 0) (ux, uy) = (-ux, -uy);
        var (vx, vy) = (-uy, ux);
        float X(float su, float sv) => cx + su * halfU * ux + sv * halfV * vx;
        float Y(float su, float sv) => cy + su * halfU * uy + sv * halfV * vy;
        return new TextQuad(X(-1, -1), Y(-1, -1), X(1, -1), Y(1, -1), X(1, 1), Y(1, 1), X(-1, 1), Y(-1, 1));
    }

    private static float Cross((float X, float Y) o, (float X, float Y) a, (float X, float Y) b) =>
        (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
}
