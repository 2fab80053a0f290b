using System.Text;

namespace ImageVault.Inference.Ocr;

/// <summary>
/// Puts text boxes into reading order with a recursive XY cut: split at an empty vertical band
/// between two sides of several lines each (columns, left first), else at an empty horizontal band
/// (rows, top first); boxes that cannot be separated either way form one line, read left to right. Boxes are cut by their central part so
/// the margin the detector adds around each line does not glue neighbouring lines together.
/// </summary>
public static class ReadingOrder
{
    public static string Assemble(IReadOnlyList<TextBox> boxes)
    {
        var lines = new List<List<TextBox>>();
        Cut(boxes.ToList(), lines);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (text.Length > 0) text.Append('\n');
            string? previous = null;
            foreach (var box in line.OrderBy(b => b.Quad.Left))
            {
                if (previous is not null && !(IsCjk(previous[^1]) && IsCjk(box.Text[0]))) text.Append(' ');
                text.Append(box.Text);
                previous = box.Text;
            }
        }
        return text.ToString();
    }

    private static void Cut(List<TextBox> boxes, List<List<TextBox>> lines)
    {
        if (boxes.Count <= 1)
        {
            if (boxes.Count == 1) lines.Add(boxes);
            return;
        }
        var gap = boxes.Select(b => Core(b).Bottom - Core(b).Top).Order().ElementAt(boxes.Count / 2);
        var split = Columns(boxes, gap) ?? Rows(boxes);
        if (split is null)
        {
            lines.Add(boxes);
            return;
        }
        Cut(split.Value.First, lines);
        Cut(split.Value.Second, lines);
    }

    private static (List<TextBox> First, List<TextBox> Second)? Rows(List<TextBox> boxes) =>
        Split(boxes, b => Core(b).Top, b => Core(b).Bottom, 0);

    /// <summary>A vertical cut, taken only between two sides of several lines each: words of one line are never columns.</summary>
    private static (List<TextBox> First, List<TextBox> Second)? Columns(List<TextBox> boxes, float gap) =>
        Split(boxes, b => Bounds(b).Left, b => Bounds(b).Right, gap) is { } cut && Rows(cut.First) is not null && Rows(cut.Second) is not null
            ? cut : null;

    /// <summary>The first place, along one axis, where no box spans a gap wider than <paramref name="minGap"/>.</summary>
    private static (List<TextBox> First, List<TextBox> Second)? Split(List<TextBox> boxes, Func<TextBox, float> start, Func<TextBox, float> end, float minGap)
    {
        var sorted = boxes.OrderBy(start).ToList();
        var reach = end(sorted[0]);
        for (var i = 1; i < sorted.Count; i++)
        {
            if (start(sorted[i]) > reach + minGap) return (sorted[..i], sorted[i..]);
            reach = Math.Max(reach, end(sorted[i]));
        }
        return null;
    }

    /// <summary>Horizontal extent without most of the margin the detector grew the box by (about 0.6 of its height per side).</summary>
    private static (float Left, float Right) Bounds(TextBox b)
    {
        var right = Math.Max(Math.Max(b.Quad.X0, b.Quad.X1), Math.Max(b.Quad.X2, b.Quad.X3));
        var margin = Math.Min((b.Quad.Bottom - b.Quad.Top) * 0.4f, (right - b.Quad.Left) / 4);
        return (b.Quad.Left + margin, right - margin);
    }

    private static (float Top, float Bottom) Core(TextBox b)
    {
        var quarter = (b.Quad.Bottom - b.Quad.Top) / 4;
        return (b.Quad.Top + quarter, b.Quad.Bottom - quarter);
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
