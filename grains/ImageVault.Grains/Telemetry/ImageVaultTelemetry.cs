using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImageVault.Grains.Telemetry;

/// <summary>The one ActivitySource and Meter of ImageVault, and the instruments on it.</summary>
public static class ImageVaultTelemetry
{
    public const string Name = "ImageVault";
    public static readonly ActivitySource Activities = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> UploadedFiles = Meter.CreateCounter<long>("imagevault.uploads", "{file}", "Files received, by outcome");
    public static readonly Counter<long> UploadedBytes = Meter.CreateCounter<long>("imagevault.upload.bytes", "By", "Bytes stored as originals");
    public static readonly Counter<long> IngestedImages = Meter.CreateCounter<long>("imagevault.ingest.images", "{image}", "Originals analysed, by result code");
    public static readonly Histogram<double> IngestDuration = Meter.CreateHistogram<double>("imagevault.ingest.duration", "s", "Time to analyse one original in the sandbox");
    public static readonly Histogram<double> AnalysisDuration = Meter.CreateHistogram<double>("imagevault.analysis.duration", "s", "Time per analysis step (pixels, embedding, ocr) for one image");
}
