using System.Text.Json;

namespace ImageVault.Grains.Intelligence;

/// <summary>
/// The bulky analysis results of one image and model, stored as JSON in the blob store beside the
/// thumbnails (content-addressed: equal files share it): full-precision embedding, OCR boxes for the
/// UI, and the 64×64 grey image SSIM compares.
/// </summary>
public sealed record AnalysisArtefact
{
    public const int GreySide = 64;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string Model { get; init; }
    public required float[] Embedding { get; init; }
    public IReadOnlyList<OcrWord> Words { get; init; } = [];
    public string Text { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>64×64 luma, row-major, base64.</summary>
    public required string Grey { get; init; }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static AnalysisArtefact? FromJson(Stream json) => JsonSerializer.Deserialize<AnalysisArtefact>(json, Json);
}

/// <summary>A recognised piece of text: its corners (x0,y0 … x3,y3, clockwise from top-left of the text) in pixels of the large thumbnail.</summary>
public sealed record OcrWord(string Text, double Confidence, float[] Quad);
