namespace ImageVault.Grains.Abstractions.Images;

/// <summary>Where an image's analysis (embedding, hashes, colour, OCR) stands.</summary>
public enum AnalysisStatus { Pending = 0, Done = 1, Failed = 2 }

/// <summary>
/// The compact results of analysing one image, kept in its grain state (a few KB) so the index can be
/// rebuilt without running a model: the embedding as float16, the OCR text cut to a bound. The full
/// results (float32 embedding, OCR boxes, the grey image SSIM compares) are an artefact in the blob store.
/// </summary>
[GenerateSerializer, Alias("iv.ImageAnalysis")]
public sealed record ImageAnalysis
{
    public const int MaxStoredText = 4000;

    [Id(0)] public AnalysisStatus Status { get; init; }
    /// <summary>The models that produced these results; a different current model means "analyse again".</summary>
    [Id(1)] public string Model { get; init; } = "";
    /// <summary>512 float16 values, little-endian, base64.</summary>
    [Id(2)] public string? Embedding { get; init; }
    /// <summary>pHash of the image upright and turned 90°, 180°, 270°.</summary>
    [Id(3)] public ulong[] PHashes { get; init; } = [];
    [Id(4)] public ulong DHash { get; init; }
    [Id(5)] public List<PaletteEntry> Palette { get; init; } = [];
    [Id(6)] public List<string> Colours { get; init; } = [];
    [Id(7)] public double Sharpness { get; init; }
    [Id(8)] public double Brightness { get; init; }
    [Id(9)] public double Colourfulness { get; init; }
    [Id(10)] public string? Text { get; init; }
    [Id(11)] public int TextBoxes { get; init; }
    /// <summary>Share of the image covered by text boxes (0–1).</summary>
    [Id(12)] public double TextCoverage { get; init; }
    [Id(13)] public string? ArtefactKey { get; init; }
    [Id(14)] public DateTimeOffset? AnalysedAt { get; init; }
    [Id(15)] public string? ErrorCode { get; init; }
    [Id(16)] public int Attempts { get; init; }
}

[GenerateSerializer, Alias("iv.PaletteEntry")]
public sealed record PaletteEntry([property: Id(0)] string Hex, [property: Id(1)] double Weight);
