using System.Diagnostics;
using ImageVault.Infrastructure.Search;

namespace ImageVault.Bench;

/// <summary>
/// The embedded profile's vector search (USearch HNSW, cosine) against exact search run side by side:
/// recall@10, query latency and the ratio. Vectors are 512-d and clustered (1,000 centres) like
/// embeddings of real collections, not uniform noise. N from IMAGEVAULT_BENCH_KNN_N (default 100,000).
/// </summary>
internal static class KnnBench
{
    public static void Run()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("IMAGEVAULT_BENCH_KNN_N"), out var configured) ? configured : 100_000;
        Console.WriteLine($"\n== kNN: HNSW (USearch) beside exact search, {n:N0} vectors of 512 dimensions ==");
        var random = new Random(42);
        var centres = Enumerable.Range(0, 1000).Select(_ => Normal(random, 1.0)).ToArray();
        var vectors = new float[n][];
        for (var i = 0; i < n; i++)
        {
            var noise = Normal(random, 0.6);
            vectors[i] = Normalise(centres[random.Next(centres.Length)].Zip(noise, (c, e) => c + e).ToArray());
        }

        using var graph = new HnswVectorIndex();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) graph.Set("bench", $"bench/{i}", vectors[i]);
        Console.WriteLine($"build                       {watch.Elapsed.TotalSeconds,8:F1} s  {n / watch.Elapsed.TotalSeconds,8:F0} vectors/s");

        const int queries = 200, k = 10;
        var hnsw = new List<double>();
        var exact = new List<double>();
        var found = 0;
        for (var q = 0; q < queries; q++)
        {
            var query = Normalise(vectors[random.Next(n)].Zip(Normal(random, 0.1), (v, e) => v + e).ToArray());
            watch.Restart();
            var approximate = graph.Nearest("bench", query, k).Select(h => h.Uid).ToHashSet();
            hnsw.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var truth = Enumerable.Range(0, n).Select(i => (i, Dot(query, vectors[i]))).OrderByDescending(x => x.Item2).Take(k).Select(x => $"bench/{x.i}");
            var truthSet = truth.ToArray();
            exact.Add(watch.Elapsed.TotalMilliseconds);
            found += truthSet.Count(approximate.Contains);
        }
        hnsw.Sort();
        exact.Sort();
        Console.WriteLine($"recall@{k} against exact     {(double)found / (queries * k),8:F3}");
        Console.WriteLine($"query p50 / p95 HNSW        {hnsw[queries / 2],8:F2} / {hnsw[queries * 95 / 100]:F2} ms");
        Console.WriteLine($"query p50 exact (one thread){exact[queries / 2],8:F2} ms   ratio {exact[queries / 2] / hnsw[queries / 2],6:F0}×");
    }

    private static float[] Normal(Random random, double sigma) =>
        Enumerable.Range(0, HnswVectorIndex.Dimensions)
            .Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
