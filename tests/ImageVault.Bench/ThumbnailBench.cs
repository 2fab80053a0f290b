using System.Diagnostics;
using ImageVault.Imaging.Thumbnails;

namespace ImageVault.Bench;

/// <summary>
/// The thumbnail stage against Debian's vipsthumbnail making the same two outputs (1440 px and 256 px,
/// JPEG q80, metadata stripped, embedded profiles converted to sRGB by its default) from the same files, both on one thread, in the same run.
/// vipsthumbnail runs in batch mode (one process per size over all files): its best case.
/// </summary>
internal static class ThumbnailBench
{
    public static void Run(string[] files)
    {
        Console.WriteLine("\n== thumbnail stage vs vipsthumbnail (one core each) ==");
        var output = Path.Combine(Path.GetTempPath(), $"iv-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;

        var ours = Measure(() =>
        {
            foreach (var f in files) ThumbnailMaker.MakeFromOriginal(File.ReadAllBytes(f), ThumbnailSpec.Default, ThumbnailEncoding.Jpeg);
        });
        var reference = Measure(() =>
        {
            Vipsthumbnail(files, "1440x1440>", Path.Combine(output, "%s_large.jpg[Q=80,strip]"));
            Vipsthumbnail(files, "256x256>", Path.Combine(output, "%s_small.jpg[Q=80,strip]"));
        });
        Console.WriteLine($"ImageVault (NetVips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}, decode once) {ours / files.Length,8:F2} ms/image");
        Console.WriteLine($"vipsthumbnail (Debian, 2 passes)            {reference / files.Length,8:F2} ms/image");
        Console.WriteLine($"ratio vipsthumbnail / ImageVault             {reference / ours,8:F2}x   (target >= 1.5x)");
        Directory.Delete(output, recursive: true);
    }

    private static double Measure(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Vipsthumbnail(string[] files, string size, string output)
    {
        var start = new ProcessStartInfo("vipsthumbnail") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--vips-concurrency=1", "-s", size, "-o", output, "--" }.Concat(files)) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("vipsthumbnail did not start (apt-get install libvips-tools)");
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"vipsthumbnail failed: {errors}");
    }
}
