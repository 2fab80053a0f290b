using ImageVault.Imaging.Metadata;
using ImageVault.Testing;

namespace ImageVault.Imaging.Tests;

public class MetadataTests
{
    [Fact]
    public void Reads_camera_time_orientation_and_gps_from_exif()
    {
        var jpeg = TestImages.Jpeg(exif: new ExifBuilder
        {
            Make = "TestMake", Model = "TestModel 9", Orientation = 6,
            DateTimeOriginal = "2021:04:11 15:47:53", OffsetTimeOriginal = "-05:00", Gps = (39.0513, -94.2888),
        });
        var m = MetadataReader.Read(new MemoryStream(jpeg));
        Assert.Equal("TestMake", m.Make);
        Assert.Equal("TestModel 9", m.Model);
        Assert.Equal(6, m.Orientation);
        Assert.Equal("2021-04-11T15:47:53", m.CapturedAt);
        Assert.Equal("-05:00", m.CapturedOffset);
        Assert.Equal(39.0513, m.Latitude!.Value, 4);
        Assert.Equal(-94.2888, m.Longitude!.Value, 4);
        Assert.True(m.HasExif);
    }

    [Fact]
    public void Capture_time_without_offset_stays_floating()
    {
        var m = MetadataReader.Read(new MemoryStream(TestImages.Jpeg(exif: new ExifBuilder { DateTimeOriginal = "2010:01:02 03:04:05" })));
        Assert.Equal("2010-01-02T03:04:05", m.CapturedAt);
        Assert.Null(m.CapturedOffset);
    }

    [Theory]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("9999:99:99 99:99:99")]
    [InlineData("garbage")]
    public void Impossible_dates_are_dropped(string raw) => Assert.Null(MetadataReader.ParseExifDate(raw));

    [Fact]
    public void Out_of_range_orientation_is_ignored()
    {
        var m = MetadataReader.Read(new MemoryStream(TestImages.Jpeg(exif: new ExifBuilder { Orientation = 9 })));
        Assert.Null(m.Orientation);
    }

    [Fact]
    public void File_without_metadata_reads_empty()
    {
        var m = MetadataReader.Read(new MemoryStream(TestImages.Png()));
        Assert.False(m.HasExif);
        Assert.Null(m.CapturedAt);
    }

    [Theory]
    [InlineData("a\u001b[31mred\u001b[0m", "a[31mred[0m")]
    [InlineData("line1\r\nline2", "line1  line2")]
    [InlineData("abc\u202Edef", "abcdef")]
    [InlineData("   ", null)]
    public void Sanitiser_removes_control_and_bidi_characters(string raw, string? expected) =>
        Assert.Equal(expected, TextSanitizer.Clean(raw, 100));

    [Fact]
    public void Sanitiser_bounds_length() => Assert.Equal(10, TextSanitizer.Clean(new string('x', 60_000), 10)!.Length);
}
