using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ImageVault.Testing;

namespace ImageVault.Bench;

/// <summary>
/// End to end through a real silo process: upload every photo over HTTP (4 at a time), then wait until
/// the pipeline has finished them all (metadata, thumbnails, placeholder, persisted and indexed).
/// </summary>
internal static class IngestBench
{
    public static async Task RunAsync(string[] files)
    {
        Console.WriteLine("\n== ingest through a silo process (HTTP upload → ready and indexed) ==");
        var config = typeof(IngestBench).Assembly.Location.Contains("/Release/") ? "Release" : "Debug";
        var siloDir = Path.Combine(RepoPaths.Root, "silo", "ImageVault.Silo", "bin", config, "net10.0");
        var port = ImageVaultApp.FreePort();
        var data = TempFolder.Create("iv-bench-data");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = siloDir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(siloDir, "ImageVault.Silo.dll"), "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        start.Environment["ImageVault__DataPath"] = data;
        start.Environment["ImageVault__SiloPort"] = ImageVaultApp.FreePort().ToString();
        start.Environment["ImageVault__GatewayPort"] = ImageVaultApp.FreePort().ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var silo = Process.Start(start)!;
        _ = silo.StandardOutput.ReadToEndAsync();
        _ = silo.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitReadyAsync(http);
            var peakRss = 0L;
            using var sampler = new Timer(_ => peakRss = Math.Max(peakRss, TreeRss(silo.Id)), null, 0, 100);

            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (file, ct) =>
            {
                using var body = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = body };
                request.Headers.Add("X-File-Name", Uri.EscapeDataString(Path.GetFileName(file)));
                (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
            });
            var uploaded = watch.Elapsed;
            while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/admin/pipeline")).GetProperty("pending").GetInt32() > 0)
                await Task.Delay(20);
            var done = watch.Elapsed;

            var mb = files.Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"uploads acknowledged (201)  {uploaded.TotalSeconds,7:F2} s  {files.Length / uploaded.TotalSeconds,7:F1} images/s  {mb / uploaded.TotalSeconds,6:F1} MB/s");
            Console.WriteLine($"all ready and indexed       {done.TotalSeconds,7:F2} s  {files.Length / done.TotalSeconds,7:F1} images/s");
            Console.WriteLine($"peak RSS silo + workers     {peakRss / 1e6,7:F0} MB");
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try { if ((await http.GetAsync("/readyz")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the silo did not become ready");
    }

    /// <summary>Resident memory of a process and its children (the sandboxed workers), from /proc.</summary>
    private static long TreeRss(int root)
    {
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(dir));
                if (pid != root && int.Parse(fields[1]) != root) continue;
                total += long.Parse(fields[21]) * Environment.SystemPageSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return total;
    }
}
