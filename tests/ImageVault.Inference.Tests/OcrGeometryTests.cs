using ImageVault.Inference.Ocr;

namespace ImageVault.Inference.Tests;

/// <summary>The plane geometry and reading order behind OCR, on exact cases.</summary>
public sealed class OcrGeometryTests
{
    [Fact]
    public void The_minimum_area_rectangle_of_a_tilted_rectangle_is_that_rectangle_read_left_to_right()
    {
        // A 100×20 rectangle turned by 30°, corners as points.
        var (c, s) = (MathF.Cos(MathF.PI / 6), MathF.Sin(MathF.PI / 6));
        (float, float) P(float u, float v) => (200 + u * c - v * s, 100 + u * s + v * c);
        var points = new[] { P(-50, -10), P(50, -10), P(50, 10), P(-50, 10), P(0, 0), P(20, 5) };
        var quad = RotatedRects.MinAreaRect(RotatedRects.ConvexHull(points));
        Assert.Equal(100, quad.Width, 2);
        Assert.Equal(20, quad.Height, 2);
        Assert.Equal(30, quad.AngleDegrees, 1);
        Assert.Equal((200f, 100f), (MathF.Round(quad.CenterX, 2), MathF.Round(quad.CenterY, 2)));
    }

    [Fact]
    public void Expanding_grows_every_side_by_the_margin()
    {
        var quad = RotatedRects.Expand(new TextQuad(0, 0, 10, 0, 10, 4, 0, 4), 2);
        Assert.Equal((14f, 8f), (MathF.Round(quad.Width, 3), MathF.Round(quad.Height, 3)));
        Assert.Equal((-2f, -2f), (MathF.Round(quad.X0, 3), MathF.Round(quad.Y0, 3)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Boxes_on_a_turned_page_map_back_to_the_original_pixels(int quarters)
    {
        // Mark one pixel, turn the page, find the mark, map it back.
        var page = new RgbImage(7, 4, new byte[7 * 4 * 3]);
        page.Pixels[(1 * 7 + 5) * 3] = 255; // (5, 1)
        var (turned, turns) = PageTurns.None(page).Turn(page, quarters);
        var index = Array.IndexOf(turned.Pixels, (byte)255) / 3;
        var (x, y) = (index % turned.Width, index / turned.Width);
        var back = turns.ToOriginal(new TextQuad(x, y, x, y, x, y, x, y));
        Assert.Equal((5f, 1f), (back.X0, back.Y0));
    }

    [Fact]
    public void Two_columns_are_read_column_by_column_under_a_full_width_title()
    {
        static TextBox Box(string text, float left, float top, float width) =>
            new(text, 1, new TextQuad(left, top, left + width, top, left + width, top + 20, left, top + 20));
        var boxes = new[]
        {
            Box("right two", 320, 130, 250), Box("Title across", 10, 10, 560), Box("left one", 10, 100, 250),
            Box("right one", 320, 100, 250), Box("left two", 10, 130, 250),
        };
        Assert.Equal("Title across\nleft one\nleft two\nright one\nright two", ReadingOrder.Assemble(boxes));
    }

    [Fact]
    public void Chinese_pieces_on_a_line_join_without_spaces_and_latin_ones_with()
    {
        static TextBox Box(string text, float left) => new(text, 1, new TextQuad(left, 0, left + 40, 0, left + 40, 20, left, 20));
        Assert.Equal("停车场 EXIT", ReadingOrder.Assemble([Box("停车", 0), Box("场", 45), Box("EXIT", 90)]));
    }
}
