using ImageVault.Bench;
using ImageVault.Testing;

// Benchmarks over the photo corpus. Usage: dotnet run -c Release --project tests/ImageVault.Bench [stages|thumbs|analysis|ingest|knn|all]
// Prints figures and ratios against reference tools run side by side; docs/benchmarks.md records them.
var what = args.FirstOrDefault() ?? "all";
var photos = Directory.EnumerateFiles(Corpus.Path("photos"), "*", SearchOption.AllDirectories)
    .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
    .Order(StringComparer.Ordinal).ToArray();
var jpegs = photos.Where(f => !f.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToArray();
Console.WriteLine($"corpus: {photos.Length} photos ({jpegs.Length} JPEG), {photos.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB, {Environment.ProcessorCount} cores");

if (what is "stages" or "all") StageBench.Run(photos);
if (what is "thumbs" or "all") ThumbnailBench.Run(jpegs);
if (what is "analysis" or "all") AnalysisBench.Run(photos);
if (what is "ingest" or "all") await IngestBench.RunAsync(photos);
if (what is "knn" or "all") KnnBench.Run();
