using ImageVault.Imaging.Formats;
using ImageVault.Imaging.Metadata;
using ImageVault.Imaging.Thumbnails;

namespace ImageVault.Imaging.Analysis;

/// <summary>What to do with one input: the pixel budget and the thumbnails to make.</summary>
/// <param name="Features">In ingest, also measure pixel features and hand over the embedding model's square while the largest thumbnail is in memory.</param>
public sealed record AnalysisRequest(long MaxPixels, IReadOnlyList<ThumbnailSpec> Thumbnails, ThumbnailEncoding Encoding,
    AnalysisMode Mode = AnalysisMode.Ingest, bool Features = false);

/// <summary><see cref="AnalysisMode.Ingest"/>: an original into metadata and thumbnails (and features when asked).
/// <see cref="AnalysisMode.Pixels"/>: ImageVault's own large thumbnail into features and the square raster.
/// <see cref="AnalysisMode.Text"/>: the large thumbnail into the page raster for OCR.</summary>
public enum AnalysisMode { Ingest, Pixels, Text }

/// <summary>
/// Everything read from one original. When pixels cannot be decoded, <see cref="ErrorCode"/> says
/// why and what could still be read safely (format, header, metadata) is kept.
/// </summary>
public sealed record AnalysisResult
{
    public ImageFormat Format { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int Pages { get; init; } = 1;
    public ImageMetadata? Metadata { get; init; }
    public IReadOnlyList<Thumbnail> Thumbnails { get; init; } = [];
    public string? Placeholder { get; init; }
    public Features.PixelFeatures? Features { get; init; }
    public IReadOnlyList<Features.Raster> Rasters { get; init; } = [];
    public string? ErrorCode { get; init; }
    public string? ErrorDetail { get; init; }

    public bool Succeeded => ErrorCode is null;

    /// <summary>Width and height as displayed, with EXIF orientations 5–8 (90° turns) applied.</summary>
    public (int? Width, int? Height) Display =>
        Metadata?.Orientation is >= 5 and <= 8 ? (Height, Width) : (Width, Height);

    public static AnalysisResult Failed(string code, string detail) => new() { ErrorCode = code, ErrorDetail = detail };
}
