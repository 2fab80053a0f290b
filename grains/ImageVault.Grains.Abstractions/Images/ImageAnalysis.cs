namespace ImageVault.Grains.Abstractions.Images;

/// <summary>Where an image's analysis (embedding, hashes, colour, OCR) stands.</summary>
public enum AnalysisStatus { Pending = 0, Done = 1, Failed = 2 }

/// <summary>
/// The compact results of analysing one image, kept in its grain state (a few KB) so the index can be
/// rebuilt without running a model: the embedding as float16, the OCR text cut to a bound. Two parts
/// with their own status and model: visual (embedding, hashes, colour, statistics; made during ingest)
/// and text (OCR; a later, lower-priority step). The full results (float32 embedding and the grey image
/// SSIM compares; OCR boxes) are artefacts in the blob store.
/// </summary>
[GenerateSerializer, Alias("iv.ImageAnalysis")]
public sealed record ImageAnalysis
{
    public const int MaxStoredText = 4000;

    /// <summary>Status of the visual part.</summary>
    [Id(0)] public AnalysisStatus Status { get; init; }
    /// <summary>The embedding model of the visual part; a different current model means "analyse again".</summary>
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
    [Id(17)] public AnalysisStatus TextStatus { get; init; }
    /// <summary>The OCR models of the text part.</summary>
    [Id(18)] public string? TextModel { get; init; }
    [Id(19)] public string? TextArtefactKey { get; init; }
    [Id(20)] public string? TextErrorCode { get; init; }

    /// <summary>These results with the visual part taken from <paramref name="o"/>.</summary>
    public ImageAnalysis WithVisualFrom(ImageAnalysis o) => this with
    {
        Status = o.Status, Model = o.Model, Embedding = o.Embedding, PHashes = o.PHashes, DHash = o.DHash, Palette = o.Palette,
        Colours = o.Colours, Sharpness = o.Sharpness, Brightness = o.Brightness, Colourfulness = o.Colourfulness,
        ArtefactKey = o.ArtefactKey, AnalysedAt = o.AnalysedAt, ErrorCode = o.ErrorCode,
    };

    /// <summary>These results with the text part taken from <paramref name="o"/>.</summary>
    public ImageAnalysis WithTextFrom(ImageAnalysis o) => this with
    {
        TextStatus = o.TextStatus, TextModel = o.TextModel, TextArtefactKey = o.TextArtefactKey, TextErrorCode = o.TextErrorCode,
        Text = o.Text, TextBoxes = o.TextBoxes, TextCoverage = o.TextCoverage,
    };

    /// <summary>One word for the index and progress counts: pending, text-pending, done or failed.</summary>
    public string Summary => Status switch
    {
        AnalysisStatus.Failed => "failed",
        AnalysisStatus.Pending => "pending",
        _ => TextStatus == AnalysisStatus.Pending ? "text-pending" : "done",
    };
}

[GenerateSerializer, Alias("iv.PaletteEntry")]
public sealed record PaletteEntry([property: Id(0)] string Hex, [property: Id(1)] double Weight);
