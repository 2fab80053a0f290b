using ImageVault.Imaging.Formats;
using ImageVault.Testing;

namespace ImageVault.Imaging.Tests;

public class FormatAndHeaderTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ImageFormat.Png)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, ImageFormat.Gif)]
    [InlineData(new byte[] { (byte)'I', (byte)'I', 42, 0 }, ImageFormat.Tiff)]
    [InlineData(new byte[] { (byte)'M', (byte)'M', 0, 42 }, ImageFormat.Tiff)]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' }, ImageFormat.Unknown)]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' }, ImageFormat.Unknown)]
    [InlineData(new byte[0], ImageFormat.Unknown)]
    public void Sniffs_format_from_content(byte[] prefix, ImageFormat expected) =>
        Assert.Equal(expected, FormatSniffer.Sniff(prefix));

    [Theory]
    [InlineData("heic", ImageFormat.Heic)]
    [InlineData("mif1", ImageFormat.Heic)]
    [InlineData("avif", ImageFormat.Avif)]
    [InlineData("isom", ImageFormat.Unknown)]
    public void Sniffs_iso_bmff_brands(string brand, ImageFormat expected)
    {
        var box = new byte[24];
        box[3] = 24;
        "ftyp"u8.CopyTo(box.AsSpan(4));
        System.Text.Encoding.ASCII.GetBytes(brand).CopyTo(box, 8);
        Assert.Equal(expected, FormatSniffer.Sniff(box));
    }

    [Fact]
    public void Probe_reads_dimensions_of_generated_jpeg_and_png()
    {
        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 123, 45), HeaderProbe.Probe(new MemoryStream(TestImages.Jpeg(123, 45))));
        Assert.Equal(new ImageHeader(ImageFormat.Png, 77, 66), HeaderProbe.Probe(new MemoryStream(TestImages.Png(77, 66))));
    }

    [Fact]
    public void Probe_finds_jpeg_frame_after_large_exif_segment()
    {
        var jpeg = TestImages.Jpeg(40, 30, exif: new ExifBuilder { Make = new string('x', 30_000) });
        Assert.Equal((40, 30), (HeaderProbe.Probe(new MemoryStream(jpeg)).Width, HeaderProbe.Probe(new MemoryStream(jpeg)).Height));
    }

    [Fact]
    public void Probe_reports_a_pixel_bomb_header_without_pixels()
    {
        var header = HeaderProbe.Probe(new MemoryStream(TestImages.PngHeaderOnly(50_000, 50_000)));
        Assert.Equal(2_500_000_000L, header.Pixels);
    }

    [Fact]
    public void Probe_of_bmp_with_int_min_height_is_unknown_not_huge()
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(100).CopyTo(bmp, 18);
        BitConverter.GetBytes(int.MinValue).CopyTo(bmp, 22);
        var header = HeaderProbe.Probe(new MemoryStream(bmp));
        Assert.Equal(ImageFormat.Bmp, header.Format);
        Assert.Null(header.Pixels);
    }

    [Fact]
    public void Probe_of_truncated_jpeg_does_not_throw()
    {
        var jpeg = TestImages.Jpeg(100, 100);
        var header = HeaderProbe.Probe(new MemoryStream(jpeg[..5]));
        Assert.Equal(ImageFormat.Jpeg, header.Format);
        Assert.Null(header.Width);
    }

    [Fact]
    public void Probe_of_tiff_with_ifd_offset_past_the_end_is_unknown()
    {
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0];
        var header = HeaderProbe.Probe(new MemoryStream(tiff));
        Assert.Equal((ImageFormat.Tiff, (int?)null), (header.Format, header.Width));
    }
}
