using System.Text.Json;

namespace ImageVault.Grains.Intelligence;

/// <summary>
/// Bulky results of the visual analysis of one image, stored as JSON in the blob store beside the
/// thumbnails: the full-precision embedding and the 64×64 grey rendering SSIM compares.
/// </summary>
public sealed record VisualArtefact(string Model, float[] Embedding, byte[] Grey)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ArtefactJson.Options);
    public static VisualArtefact? FromJson(Stream json) => JsonSerializer.Deserialize<VisualArtefact>(json, ArtefactJson.Options);
}

/// <summary>OCR of one image: the text in reading order and every box, in pixels of a <see cref="Width"/>×<see cref="Height"/> rendering (the large thumbnail).</summary>
public sealed record TextArtefact(string Model, string Text, IReadOnlyList<OcrWord> Words, int Width, int Height)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ArtefactJson.Options);
    public static TextArtefact? FromJson(Stream json) => JsonSerializer.Deserialize<TextArtefact>(json, ArtefactJson.Options);
}

/// <summary>A recognised piece of text: its corners (x0,y0 … x3,y3, clockwise from the top-left of the text).</summary>
public sealed record OcrWord(string Text, double Confidence, float[] Quad);

internal static class ArtefactJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
