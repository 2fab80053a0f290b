using System.Diagnostics;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Inference;
using ImageVault.Testing;

namespace ImageVault.Bench;

/// <summary>
/// Analysis cost on the photo corpus as the silo runs it, in process on one thread: the extra cost of
/// measuring pixel features while ingest holds the largest thumbnail, the ResNet18 embedding, and
/// the text step (decode the large thumbnail, PP-OCRv4). Prints time per step and its share, then
/// images/s on every core. Then OCR speed beside Tesseract (the reference tool) on document pages.
/// </summary>
internal static class AnalysisBench
{
    private static readonly string[] Names =
        ["ingest: thumbnails + BlurHash (no analysis)", "  + pixel features and the square", "embedding (ResNet18)", "text: decode the large thumbnail", "text: OCR (PP-OCRv4 det+cls+rec)"];

    public static void Run(string[] photos)
    {
        Console.WriteLine("\n== analysis steps, in process ==");
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        var originals = photos.Select(File.ReadAllBytes).ToArray();
        using var inference = new ImageInference(concurrency: Environment.ProcessorCount);
        Analyse(inference, originals[0], new double[Names.Length]); // load the models outside the timings

        var steps = new double[Names.Length];
        var watch = Stopwatch.StartNew();
        foreach (var original in originals) Analyse(inference, original, steps);
        var serial = watch.Elapsed.TotalSeconds;
        var total = steps.Sum();
        for (var i = 0; i < steps.Length; i++)
            Console.WriteLine($"{Names[i],-48} {steps[i] * 1000 / originals.Length,8:F1} ms/image {steps[i] / total,6:P0}");
        var visual = steps[..3].Sum();
        Console.WriteLine($"{"ingest + visual analysis, one thread",-48} {originals.Length / visual,8:F1} images/s");
        Console.WriteLine($"{"everything incl. OCR, one thread",-48} {originals.Length / serial,8:F1} images/s");

        watch.Restart();
        Parallel.ForEach(originals, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, o => Analyse(inference, o, new double[Names.Length]));
        Console.WriteLine($"{$"everything incl. OCR, {Environment.ProcessorCount} threads",-48} {originals.Length / watch.Elapsed.TotalSeconds,8:F1} images/s ({originals.Length} photos)");
        OcrBesideTesseract(inference);
    }

    private static AnalysisResult Ingest(byte[] original, bool features) =>
        ImageAnalyzer.Analyze(original, new AnalysisRequest(200_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg, Features: features));

    private static void Analyse(ImageInference inference, byte[] original, double[] steps)
    {
        // The feature step's cost is the difference between ingest with and without it.
        var watch = Stopwatch.StartNew();
        Ingest(original, features: false);
        var plain = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var ingest = Ingest(original, features: true);
        (steps[0], steps[1]) = (steps[0] + plain, steps[1] + Math.Max(0, watch.Elapsed.TotalSeconds - plain));
        if (ingest.Rasters.Count == 0) return;
        var square = ingest.Rasters[0];
        watch.Restart();
        inference.Embed(RgbImage.Create(square.Width, square.Height, square.Pixels));
        steps[2] += watch.Elapsed.TotalSeconds;
        watch.Restart();
        var page = PixelAnalyzer.Analyze(ingest.Thumbnails[0].Bytes, AnalysisMode.Text).Rasters[0];
        steps[3] += watch.Elapsed.TotalSeconds;
        watch.Restart();
        inference.ReadText(RgbImage.Create(page.Width, page.Height, page.Pixels));
        steps[4] += watch.Elapsed.TotalSeconds;
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
            var large = Ingest(File.ReadAllBytes(page), features: false).Thumbnails[0].Bytes;
            var raster = PixelAnalyzer.Analyze(large, AnalysisMode.Text).Rasters[0];
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
