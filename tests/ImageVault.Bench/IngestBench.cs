using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ImageVault.Testing;

namespace ImageVault.Bench;

/// <summary>
/// End to end through a real silo process: upload every photo over HTTP (4 at a time), then time two
/// milestones: all ready with their visual analysis (DESIGN §8's "whole ingest with analysis"), and
/// all done including OCR, which runs behind at lower concurrency.
/// </summary>
internal static class IngestBench
{
    public static async Task RunAsync(string[] files)
    {
        Console.WriteLine("\n== ingest through a silo process (HTTP upload → ready and indexed) ==");
        // IMAGEVAULT_BENCH_ANALYSIS=false measures ingest alone, for comparison.
        var analysis = Environment.GetEnvironmentVariable("IMAGEVAULT_BENCH_ANALYSIS") != "false";
        var data = TempFolder.Create("iv-bench-data");
        await using var silo = SiloProcess.Start(new Dictionary<string, string>
        {
            ["ImageVault:DataPath"] = data,
            ["ImageVault:SiloPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:GatewayPort"] = ImageVaultApp.FreePort().ToString(),
            ["ImageVault:Analysis:Enabled"] = analysis ? "true" : "false",
        });
        try
        {
            var http = silo.Http;
            await silo.WaitReadyAsync(TimeSpan.FromSeconds(60));
            var peakRss = 0L;
            using var sampler = new Timer(_ => peakRss = Math.Max(peakRss, silo.TreeRss()), null, 0, 100);

            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (file, ct) =>
            {
                using var body = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = body };
                request.Headers.Add("X-File-Name", Uri.EscapeDataString(Path.GetFileName(file)));
                (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
            });
            var uploaded = watch.Elapsed;
            // Milestone 1: every image ready with thumbnails, metadata and its visual analysis, indexed.
            while (!await VisuallyAnalysedAsync(http, files.Length, analysis)) await Task.Delay(50);
            var analysed = watch.Elapsed;
            // Milestone 2: nothing left to do anywhere, OCR included.
            while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/pipeline")).GetProperty("pending").GetInt32() > 0)
                await Task.Delay(50);
            var done = watch.Elapsed;

            var mb = files.Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"uploads acknowledged (201)  {uploaded.TotalSeconds,7:F2} s  {files.Length / uploaded.TotalSeconds,7:F1} images/s  {mb / uploaded.TotalSeconds,6:F1} MB/s");
            Console.WriteLine($"ready + visual analysis     {analysed.TotalSeconds,7:F2} s  {files.Length / analysed.TotalSeconds,7:F1} images/s  (thumbnails, metadata, hashes, colours, embedding; indexed)");
            Console.WriteLine($"everything incl. OCR        {done.TotalSeconds,7:F2} s  {files.Length / done.TotalSeconds,7:F1} images/s");
            Console.WriteLine($"peak RSS silo + workers     {peakRss / 1e6,7:F0} MB");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>True when the index counts every image as analysed visually (its text may still be pending).</summary>
    private static async Task<bool> VisuallyAnalysedAsync(HttpClient http, int expected, bool analysis)
    {
        var progress = await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/analysis");
        long Count(string facet, string value) => progress.GetProperty(facet).TryGetProperty(value, out var v) ? v.GetInt64() : 0;
        if (!analysis) return Count("imagesByStage", "ready") + Count("imagesByStage", "failed") >= expected;
        return Count("imagesByAnalysis", "done") + Count("imagesByAnalysis", "text-pending") + Count("imagesByAnalysis", "failed") >= expected;
    }
}
