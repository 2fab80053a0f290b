using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Features;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Testing;
using NetVips;

namespace ImageVault.Imaging.Tests;

/// <summary>Perceptual hashes, colour and sharpness measures on pictures made here.</summary>
public sealed class PixelFeatureTests
{
    private static Raster RasterOf(byte[] encoded)
    {
        var result = PixelAnalyzer.Analyze(encoded, AnalysisMode.Text);
        Assert.Null(result.ErrorCode);
        return result.Rasters.Single(r => r.Name == Raster.Page);
    }

    private static ulong[] Hashes(byte[] encoded) => PerceptualHash.PHashes(RasterOf(encoded));

    [Fact]
    public void Ingest_measures_features_on_the_largest_thumbnail_and_the_text_pass_hands_over_the_page()
    {
        var ingest = ImageAnalyzer.Analyze(TestImages.Scene(1, 480, 360), new AnalysisRequest(1_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg, Features: true));
        var square = Assert.Single(ingest.Rasters);
        Assert.Equal((224, 224, 224 * 224 * 3), (square.Width, square.Height, square.Pixels.Length));
        Assert.Equal(4, ingest.Features!.PHashes.Length);
        Assert.Equal(PixelFeatures.GreySide * PixelFeatures.GreySide, ingest.Features.Grey.Length);
        Assert.Empty(ImageAnalyzer.Analyze(TestImages.Scene(1), new AnalysisRequest(1_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg)).Rasters);

        // Measured again from the stored large thumbnail (re-analysis), the features agree.
        var again = PixelAnalyzer.Analyze(ingest.Thumbnails[0].Bytes, AnalysisMode.Pixels).Features!;
        Assert.InRange(PerceptualHash.Distance(ingest.Features.PHashes[0], again.PHashes[0]), 0, 4);
        var page = Assert.Single(PixelAnalyzer.Analyze(ingest.Thumbnails[0].Bytes, AnalysisMode.Text).Rasters);
        Assert.Equal((480, 360), (page.Width, page.Height));
    }

    [Fact]
    public void Resized_recompressed_and_grey_copies_keep_their_phash_and_other_scenes_do_not()
    {
        var scene = TestImages.Scene(3);
        var upright = Hashes(scene)[0];
        Assert.InRange(PerceptualHash.Distance(upright, Hashes(TestImages.Variant(scene, 0.5, quality: 40))[0]), 0, 6);
        Assert.InRange(PerceptualHash.Distance(upright, Hashes(TestImages.Variant(scene, 0.8, grey: true))[0]), 0, 8);
        Assert.InRange(PerceptualHash.Distance(upright, Hashes(TestImages.Scene(4))[0]), 14, 64);
    }

    [Fact]
    public void A_quarter_turned_copy_matches_through_the_turned_hashes()
    {
        var scene = TestImages.Scene(5);
        using var turned = Image.NewFromBuffer(scene).Rot90();
        var (a, b) = (Hashes(scene), Hashes(turned.JpegsaveBuffer(q: 85)));
        Assert.True(PerceptualHash.Distance(a[0], b[0]) > 12, "upright hashes of a turned copy differ");
        Assert.InRange(PerceptualHash.RotationInvariantDistance(a, b), 0, 6);
    }

    [Fact]
    public void Colours_are_named_as_people_name_them()
    {
        Assert.Equal(["red"], ColourAnalysis.NamedColours(RasterOf(TestImages.Jpeg(96, 64, (220, 20, 30)))));
        Assert.Equal(["blue"], ColourAnalysis.NamedColours(RasterOf(TestImages.Jpeg(96, 64, (20, 60, 210)))));
        Assert.Equal(["white"], ColourAnalysis.NamedColours(RasterOf(TestImages.Png(96, 64, (250, 250, 250)))));
        Assert.Equal("brown", ColourAnalysis.NameOf(120, 70, 30));
        Assert.Equal("black", ColourAnalysis.NameOf(10, 12, 8));
        Assert.Equal("gray", ColourAnalysis.NameOf(128, 128, 130));
        Assert.Equal("yellow", ColourAnalysis.NameOf(240, 220, 30));
    }

    [Fact]
    public void The_palette_holds_the_dominant_colours_with_weights_summing_to_one()
    {
        using var left = Image.Black(100, 80, bands: 3).NewFromImage([230, 30, 30]);
        using var right = Image.Black(100, 80, bands: 3).NewFromImage([30, 30, 230]);
        using var both = left.Join(right, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        var palette = ColourAnalysis.Palette(RasterOf(both.PngsaveBuffer()));
        Assert.Equal(2, palette.Count);
        Assert.Equal(1.0, palette.Sum(p => p.Weight), 2);
        Assert.Contains(palette, p => Lab.TryParseHex(p.Hex, out var lab) && lab.DistanceTo(Lab.FromRgb(230, 30, 30)) < 5);
    }

    [Fact]
    public void A_hex_colour_reaches_the_cells_of_colours_within_its_tolerance()
    {
        Assert.True(Lab.TryParseHex("#e01e1e", out var red));
        var near = ColourAnalysis.CellsNear(red, 10);
        Assert.Contains(ColourAnalysis.Cell(Lab.FromRgb(230, 30, 30)), near);
        Assert.DoesNotContain(ColourAnalysis.Cell(Lab.FromRgb(30, 30, 230)), near);
        Assert.Equal("#e01e1e", red.ToHex());
        Assert.False(Lab.TryParseHex("#12345g", out _));
    }

    [Fact]
    public void Blur_darkness_and_greyness_are_measured()
    {
        var sharp = ImageStatistics.Measure(RasterOf(TestImages.Scene(6)));
        using var blurred = Image.NewFromBuffer(TestImages.Scene(6)).Gaussblur(6);
        var soft = ImageStatistics.Measure(RasterOf(blurred.JpegsaveBuffer()));
        Assert.True(sharp.Sharpness > 4 * soft.Sharpness, $"{sharp.Sharpness} vs {soft.Sharpness}");
        Assert.True(ImageStatistics.Measure(RasterOf(TestImages.Jpeg(64, 64, (20, 18, 25)))).Brightness < 50);
        Assert.True(ImageStatistics.Measure(RasterOf(TestImages.Variant(TestImages.Scene(6), 1, grey: true))).Colourfulness < 0.04);
        Assert.True(sharp.Colourfulness > 0.2);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_fail_the_pixel_pass_with_a_code()
    {
        var result = ImageAnalyzer.Analyze("not an image at all"u8.ToArray(), new AnalysisRequest(1_000_000, [], ThumbnailEncoding.Jpeg, AnalysisMode.Pixels));
        Assert.Equal(Contracts.ErrorCodes.CorruptImage, result.ErrorCode);
        Assert.Empty(result.Rasters);
    }
}
