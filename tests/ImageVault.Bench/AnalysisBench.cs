using System.Diagnostics;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;
using ImageVault.Testing;

namespace ImageVault.Bench;

/// <summary>
/// Analysis throughput on the photo corpus as the silo runs it, in process: the pixel pass on the large
/// thumbnail (decode, hashes, palette, statistics), the ResNet18 embedding and PP-OCRv4. Prints the time
/// per step and its share, then images/s on every core. Then OCR speed beside Tesseract (the reference
/// tool) on the corpus' document pages, each on one thread.
/// </summary>
internal static class AnalysisBench
{
    public static void Run(string[] photos)
    {
        Console.WriteLine("\n== analysis (pixel pass + embedding + OCR), in process ==");
        NetVips.NetVips.Concurrency = 1;
        var thumbnails = photos.Select(f => Large(File.ReadAllBytes(f))).OfType<byte[]>().ToArray();
        using var inference = new ImageInference(concurrency: Environment.ProcessorCount);
        Analyse(inference, thumbnails[0], new double[3]); // load the models outside the timings

        var steps = new double[3];
        var watch = Stopwatch.StartNew();
        foreach (var thumbnail in thumbnails) Analyse(inference, thumbnail, steps);
        var serial = watch.Elapsed.TotalSeconds;
        var total = steps.Sum();
        string[] names = ["pixel pass (decode, pHash, palette, sharpness)", "embedding (ResNet18)", "OCR (PP-OCRv4 det+cls+rec)"];
        for (var i = 0; i < steps.Length; i++)
            Console.WriteLine($"{names[i],-48} {steps[i] * 1000 / thumbnails.Length,8:F1} ms/image {steps[i] / total,6:P0}");
        Console.WriteLine($"{"one thread",-48} {thumbnails.Length / serial,8:F1} images/s");

        watch.Restart();
        Parallel.ForEach(thumbnails, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t => Analyse(inference, t, new double[3]));
        Console.WriteLine($"{$"{Environment.ProcessorCount} threads",-48} {thumbnails.Length / watch.Elapsed.TotalSeconds,8:F1} images/s ({thumbnails.Length} photos)");
        OcrBesideTesseract(inference);
    }

    private static byte[]? Large(byte[] original) =>
        ImageAnalyzer.Analyze(original, new AnalysisRequest(200_000_000, [ThumbnailSpec.Large], ThumbnailEncoding.Jpeg)).Thumbnails.FirstOrDefault()?.Bytes;

    private static void Analyse(ImageInference inference, byte[] thumbnail, double[] steps)
    {
        var watch = Stopwatch.StartNew();
        var pixels = PixelAnalyzer.Analyze(thumbnail);
        steps[0] += watch.Elapsed.TotalSeconds;
        var square = pixels.Rasters.Single(r => r.Name == Raster.Square);
        var page = pixels.Rasters.Single(r => r.Name == Raster.Page);
        watch.Restart();
        inference.Embed(RgbImage.Create(square.Width, square.Height, square.Pixels));
        steps[1] += watch.Elapsed.TotalSeconds;
        watch.Restart();
        inference.ReadText(RgbImage.Create(page.Width, page.Height, page.Pixels));
        steps[2] += watch.Elapsed.TotalSeconds;
    }

    private static void OcrBesideTesseract(ImageInference inference)
    {
        Console.WriteLine("\n== OCR on the document pages: ImageVault (PP-OCRv4, 1 thread) beside tesseract 5 (1 thread) ==");
        var pages = Directory.GetFiles(Corpus.Path("ocr", "images", "tesseract")).Order(StringComparer.Ordinal).ToArray();
        var tesseract = File.Exists("/usr/bin/tesseract");
        if (!tesseract) Console.WriteLine("tesseract is not installed (deploy/ci/install-deps.sh installs it): no reference figures");
        double ours = 0, theirs = 0;
        using var single = new ImageInference(concurrency: 1);
        foreach (var page in pages)
        {
            var large = Large(File.ReadAllBytes(page))!;
            var raster = PixelAnalyzer.Analyze(large).Rasters.Single(r => r.Name == Raster.Page);
            var image = RgbImage.Create(raster.Width, raster.Height, raster.Pixels);
            single.ReadText(image); // warm
            var watch = Stopwatch.StartNew();
            single.ReadText(image);
            ours += watch.Elapsed.TotalSeconds;
            if (!tesseract) continue;
            watch.Restart();
            var run = Process.Start(new ProcessStartInfo("tesseract", [page, "stdout", "-l", "eng"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["OMP_THREAD_LIMIT"] = "1" },
            })!;
            run.StandardOutput.ReadToEnd();
            run.WaitForExit();
            theirs += watch.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"ImageVault {ours * 1000 / pages.Length:F0} ms/page" + (tesseract ? $", tesseract {theirs * 1000 / pages.Length:F0} ms/page, ratio {theirs / ours:F2}× ({pages.Length} pages)" : ""));
    }
}
