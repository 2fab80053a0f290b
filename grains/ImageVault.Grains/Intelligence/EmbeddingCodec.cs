namespace ImageVault.Grains.Intelligence;

/// <summary>
/// Embeddings in grain state as float16 (1 KB for 512 values, base64): the cosine of two such vectors
/// differs from float32's by about 1e-3, far below any decision threshold.
/// </summary>
public static class EmbeddingCodec
{
    public static string Encode(float[] vector)
    {
        var bytes = new byte[vector.Length * 2];
        for (var i = 0; i < vector.Length; i++)
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 2, 2), (Half)vector[i]);
        return Convert.ToBase64String(bytes);
    }

    public static float[]? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return null;
        var bytes = Convert.FromBase64String(encoded);
        var vector = new float[bytes.Length / 2];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)BitConverter.ToHalf(bytes, i * 2);
        return vector;
    }
}
