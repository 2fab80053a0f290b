using ImageVault.Contracts;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Testing;

namespace ImageVault.Imaging.Tests;

public class ThumbnailTests
{
    private static readonly AnalysisRequest Request = new(10_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg);

    [Fact]
    public void Makes_both_sizes_from_one_decode_within_their_long_edge()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Jpeg(3000, 2000), Request);
        Assert.Null(result.ErrorCode);
        var large = result.Thumbnails.Single(t => t.Name == "large");
        var small = result.Thumbnails.Single(t => t.Name == "small");
        Assert.Equal((1440, 960), (large.Width, large.Height));
        Assert.Equal((256, 171), (small.Width, small.Height));
        Assert.Equal(0xFF, small.Bytes[0]);
        Assert.NotNull(result.Placeholder);
    }

    [Fact]
    public void Applies_exif_orientation()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Jpeg(400, 200, exif: new ExifBuilder { Orientation = 6 }), Request);
        var large = result.Thumbnails.Single(t => t.Name == "large");
        Assert.Equal((200, 400), (large.Width, large.Height));
        Assert.Equal((200, 400), (result.Display.Width.GetValueOrDefault(), result.Display.Height.GetValueOrDefault()));
    }

    [Fact]
    public void Never_enlarges_small_images()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Png(100, 50), Request);
        Assert.Equal((100, 50), (result.Thumbnails[0].Width, result.Thumbnails[0].Height));
    }

    [Fact]
    public void Webp_encoding_is_an_option()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Jpeg(300, 200), Request with { Encoding = ThumbnailEncoding.WebP });
        Assert.All(result.Thumbnails, t => Assert.Equal("image/webp", t.ContentType));
    }

    [Fact]
    public void Refuses_pixel_budget_before_decoding_but_keeps_metadata_path()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Jpeg(400, 400), Request with { MaxPixels = 1000 });
        Assert.Equal(ErrorCodes.TooManyPixels, result.ErrorCode);
        Assert.Empty(result.Thumbnails);
    }

    [Fact]
    public void Corrupt_pixels_fail_with_a_code_and_keep_metadata()
    {
        var jpeg = TestImages.Jpeg(200, 200, exif: new ExifBuilder { Make = "KeepMe" });
        var broken = jpeg[..(jpeg.Length / 3)].Concat(new byte[200]).ToArray();
        var result = ImageAnalyzer.Analyze(broken, Request);
        Assert.Equal("KeepMe", result.Metadata?.Make);
        Assert.True(result.ErrorCode is null or ErrorCodes.CorruptImage);
    }

    [Fact]
    public void Unknown_bytes_are_unsupported() =>
        Assert.Equal(ErrorCodes.UnsupportedFormat, ImageAnalyzer.Analyze("<html></html>"u8.ToArray(), Request).ErrorCode);

    [Fact]
    public void BlurHash_of_a_solid_colour_encodes_that_colour()
    {
        var pixels = Enumerable.Repeat(new byte[] { 255, 0, 0 }, 16 * 16).SelectMany(p => p).ToArray();
        var hash = BlurHash.Encode(pixels, 16, 16);
        Assert.Equal(1 + 1 + 4 + 2 * (4 * 3 - 1), hash.Length);
        Assert.Equal("L", hash[..1]); // size flag for 4×3 components: 3 + 2·9 = 21 → 'L'
        Assert.Equal("TI:j", hash[2..6]); // 0xFF0000 = 29·83³ + 18·83² + 70·83 + 45 → T I : j
    }
}

public class BmpTests
{
    [Fact]
    public void Bmp_is_decoded_into_thumbnails_with_its_colours()
    {
        var result = ImageAnalyzer.Analyze(TestImages.Bmp24(400, 100), new AnalysisRequest(10_000_000, [ThumbnailSpec.Small], ThumbnailEncoding.Jpeg));
        Assert.Null(result.ErrorCode);
        Assert.Equal((400, 100), (result.Width.GetValueOrDefault(), result.Height.GetValueOrDefault()));
        using var thumb = NetVips.Image.NewFromBuffer(result.Thumbnails[0].Bytes);
        Assert.Equal(256, thumb.Width);
        var left = thumb.Getpoint(10, 30);
        var right = thumb.Getpoint(250, 30);
        Assert.True(left[0] > 200 && left[2] < 60, $"left pixel {string.Join(",", left)} should be red");
        Assert.True(right[2] > 200 && right[0] < 60, $"right pixel {string.Join(",", right)} should be blue");
    }

    [Fact]
    public void Truncated_or_compressed_bmp_fails_cleanly()
    {
        var bmp = TestImages.Bmp24(50, 50);
        var request = new AnalysisRequest(10_000_000, [ThumbnailSpec.Small], ThumbnailEncoding.Jpeg);
        Assert.Equal(ImageVault.Contracts.ErrorCodes.CorruptImage, ImageAnalyzer.Analyze(bmp[..200], request).ErrorCode);
        BitConverter.GetBytes(1).CopyTo(bmp, 30); // BI_RLE8
        Assert.Equal(ImageVault.Contracts.ErrorCodes.CorruptImage, ImageAnalyzer.Analyze(bmp, request).ErrorCode);
    }
}
