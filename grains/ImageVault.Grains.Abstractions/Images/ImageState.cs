namespace ImageVault.Grains.Abstractions.Images;

/// <summary>
/// Everything one image grain owns. Persisted as System.Text.Json (upgrade on read through
/// <see cref="SchemaVersion"/>) and sent over the wire with the Orleans serializer. Keep it small:
/// bulky analysis results live in the blob store as artefacts.
/// </summary>
[GenerateSerializer, Alias("iv.ImageState")]
public sealed class ImageState
{
    public const int CurrentSchemaVersion = 1;

    [Id(0)] public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [Id(1)] public string Id { get; set; } = "";
    [Id(2)] public string Tenant { get; set; } = "";
    [Id(3)] public string FileName { get; set; } = "";
    [Id(4)] public string Format { get; set; } = "";
    [Id(5)] public string ContentType { get; set; } = "";
    [Id(6)] public long SizeBytes { get; set; }
    [Id(7)] public string Sha256 { get; set; } = "";
    [Id(8)] public string OriginalKey { get; set; } = "";
    [Id(9)] public int? Width { get; set; }
    [Id(10)] public int? Height { get; set; }
    [Id(11)] public int Pages { get; set; } = 1;
    [Id(12)] public DateTimeOffset UploadedAt { get; set; }
    [Id(13)] public MetadataInfo? Metadata { get; set; }
    [Id(14)] public string? Title { get; set; }
    [Id(15)] public string? Description { get; set; }
    [Id(16)] public List<ImageTag> Tags { get; set; } = [];
    [Id(17)] public int Rating { get; set; }
    [Id(18)] public bool Favourite { get; set; }
    [Id(19)] public List<ImageComment> Comments { get; set; } = [];
    [Id(20)] public List<string> AlbumIds { get; set; } = [];
    [Id(21)] public PipelineStage Stage { get; set; }
    [Id(22)] public string? ErrorCode { get; set; }
    [Id(23)] public string? ErrorDetail { get; set; }
    [Id(24)] public int Attempts { get; set; }
    [Id(25)] public Dictionary<string, ThumbnailInfo> Thumbnails { get; set; } = [];
    [Id(26)] public string? Placeholder { get; set; }
    [Id(27)] public bool Trashed { get; set; }
    [Id(28)] public DateTimeOffset? TrashedAt { get; set; }
    [Id(29)] public long Version { get; set; }
    [Id(30)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(31)] public ImageAnalysis? Analysis { get; set; }
    /// <summary>Tag names a person turned down as suggestions: never suggested again.</summary>
    [Id(32)] public List<string> RejectedSuggestions { get; set; } = [];
    /// <summary>When set, this image is stacked under that one (a reviewed near-duplicate kept out of sight).</summary>
    [Id(33)] public string? StackedUnder { get; set; }

    public bool Exists => Id.Length > 0;

    /// <summary>Display size with EXIF orientations 5–8 (quarter turns) applied.</summary>
    public (int? Width, int? Height) Display => Metadata?.Orientation is >= 5 and <= 8 ? (Height, Width) : (Width, Height);
}

/// <summary>Where an image is in its life. Only <see cref="Stored"/> and <see cref="Purging"/> need the sweeper.</summary>
public enum PipelineStage { Stored = 0, Ready = 1, Failed = 2, Purging = 3 }

/// <summary>A tag with where it came from: a person ("user") or the file's own keywords ("file").</summary>
[GenerateSerializer, Alias("iv.ImageTag")]
public sealed record ImageTag([property: Id(0)] string Name, [property: Id(1)] string Source)
{
    public const string FromUser = "user";
    public const string FromFile = "file";
    /// <summary>Computed by ImageVault from the pixels (black-and-white, blurry, document…).</summary>
    public const string FromAnalysis = "auto";
}

[GenerateSerializer, Alias("iv.ImageComment")]
public sealed record ImageComment(
    [property: Id(0)] string Id, [property: Id(1)] string Author, [property: Id(2)] string Text, [property: Id(3)] DateTimeOffset CreatedAt);

[GenerateSerializer, Alias("iv.ThumbnailInfo")]
public sealed record ThumbnailInfo(
    [property: Id(0)] string Key, [property: Id(1)] int Width, [property: Id(2)] int Height, [property: Id(3)] string ContentType);
