using ImageVault.Contracts;
using ImageVault.Imaging.Formats;
using ImageVault.Imaging.Metadata;
using ImageVault.Imaging.Thumbnails;
using NetVips;

namespace ImageVault.Imaging.Analysis;

/// <summary>
/// Reads one original: format, header, metadata, then pixels (under the pixel budget) into
/// thumbnails and a placeholder. This is the code that handles untrusted bytes, so production runs
/// it only inside the sandboxed worker process (see <c>ImageVault.Imaging.Worker</c>).
/// </summary>
public static class ImageAnalyzer
{
    public static AnalysisResult Analyze(byte[] original, AnalysisRequest request)
    {
        if (request.Mode != AnalysisMode.Ingest) return Features.PixelAnalyzer.Analyze(original, request.Mode);
        var header = HeaderProbe.Probe(new MemoryStream(original, writable: false));
        if (header.Format == ImageFormat.Unknown)
            return AnalysisResult.Failed(ErrorCodes.UnsupportedFormat, "not an image format ImageVault reads");
        if (header.Pixels > request.MaxPixels)
            return TooManyPixels(header.Format, header.Width, header.Height, request.MaxPixels);

        var metadata = MetadataReader.Read(new MemoryStream(original, writable: false));
        var partial = new AnalysisResult { Format = header.Format, Width = header.Width, Height = header.Height, Metadata = metadata };
        if (header.Format == ImageFormat.Bmp) return AnalyzeBmp(original, request, partial);

        int width, height, pages;
        byte[]? profile;
        try
        {
            using var lazy = Image.NewFromBuffer(original, access: Enums.Access.Sequential);
            (width, height) = (lazy.Width, lazy.Height);
            profile = ThumbnailMaker.EmbeddedProfile(lazy);
            pages = lazy.Contains("n-pages") ? Math.Max(1, (int)lazy.Get("n-pages")) : 1;
        }
        catch (VipsException e)
        {
            return partial with { ErrorCode = DecodeFailureCode(e), ErrorDetail = Short(e) };
        }

        if ((long)width * height > request.MaxPixels)
            return TooManyPixels(header.Format, width, height, request.MaxPixels) with { Metadata = metadata };

        // Stored dimensions are what the header states (libheif reports HEIF sizes after its 'irot');
        // the decoder's are the fallback for headers the probe cannot read.
        var known = partial with { Width = header.Width ?? width, Height = header.Height ?? height, Pages = pages };
        try
        {
            var made = ThumbnailMaker.Make(original, request.Thumbnails, request.Encoding, profile, FeatureTap(request, out var tapped));
            return WithFeatures(known with { Thumbnails = made.Thumbnails, Placeholder = made.Placeholder }, tapped);
        }
        catch (VipsException e)
        {
            return known with { ErrorCode = DecodeFailureCode(e), ErrorDetail = Short(e) };
        }
    }

    // The libheif in NetVips.Native ships without an HEVC decoder (a patent matter): such HEIC files are
    // intact, only undecodable here. Say so rather than calling them corrupt.
    private static string DecodeFailureCode(VipsException e) =>
        e.Message.Contains("has not been built in", StringComparison.Ordinal) ? ErrorCodes.DecoderUnavailable : ErrorCodes.CorruptImage;

    private static AnalysisResult AnalyzeBmp(byte[] original, AnalysisRequest request, AnalysisResult partial)
    {
        try
        {
            var bmp = BmpDecoder.Decode(original, request.MaxPixels);
            using var image = Image.NewFromMemory(bmp.Pixels, bmp.Width, bmp.Height, bmp.Bands, Enums.BandFormat.Uchar);
            var made = ThumbnailMaker.Make(image, request.Thumbnails, request.Encoding, FeatureTap(request, out var tapped));
            return WithFeatures(partial with { Width = bmp.Width, Height = bmp.Height, Thumbnails = made.Thumbnails, Placeholder = made.Placeholder }, tapped);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or VipsException)
        {
            return partial with { ErrorCode = ErrorCodes.CorruptImage, ErrorDetail = Short(e) };
        }
    }

    /// <summary>When features are asked for, a callback that measures them on the largest thumbnail while it is in memory.</summary>
    private static Action<Image>? FeatureTap(AnalysisRequest request, out Box tapped)
    {
        var box = tapped = new Box();
        return request.Features ? image => box.Value = Features.PixelAnalyzer.FromDisplayable(image) : null;
    }

    private static AnalysisResult WithFeatures(AnalysisResult result, Box tapped) =>
        tapped.Value is { } v ? result with { Features = v.Features, Rasters = [v.Square] } : result;

    private sealed class Box
    {
        public (Features.PixelFeatures Features, Features.Raster Square)? Value;
    }

    private static AnalysisResult TooManyPixels(ImageFormat format, int? w, int? h, long max) => new()
    {
        Format = format, Width = w, Height = h,
        ErrorCode = ErrorCodes.TooManyPixels,
        ErrorDetail = $"{w}×{h} exceeds the budget of {max} pixels",
    };

    private static string Short(Exception e) =>
        TextSanitizer.Clean(e.Message, 300) ?? "decoder error";
}
