namespace ImageVault.Inference.Embeddings;

/// <summary>Similarity measures between embeddings (512 values: plain loops are fast enough).</summary>
public static class VectorMath
{
    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        return norm > 0 ? v.Select(x => x / norm).ToArray() : v;
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("vectors differ in length");
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Cosine similarity (−1..1); the vectors need not be normalised.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var norms = MathF.Sqrt(Dot(a, a) * Dot(b, b));
        return norms > 0 ? Dot(a, b) / norms : 0;
    }

    public static float Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("vectors differ in length");
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return MathF.Sqrt(sum);
    }
}
