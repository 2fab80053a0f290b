namespace ImageVault.Contracts;

/// <summary>The full record of one image as the HTTP API returns it.</summary>
public sealed record ImageDto
{
    public required string Id { get; init; }
    public required string FileName { get; init; }
    public required string Format { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int? DisplayWidth { get; init; }
    public int? DisplayHeight { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public ImageMetadataDto? Metadata { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<TagDto> Tags { get; init; } = [];
    public int Rating { get; init; }
    public bool Favourite { get; init; }
    public IReadOnlyList<CommentDto> Comments { get; init; } = [];
    public IReadOnlyList<string> AlbumIds { get; init; } = [];
    public required PipelineStatusDto Status { get; init; }
    public string? Placeholder { get; init; }
    public bool Trashed { get; init; }
    public DateTimeOffset? TrashedAt { get; init; }
    public long Version { get; init; }
    public AnalysisDto? Analysis { get; init; }
    /// <summary>Set when this image is stacked under another (a reviewed near-duplicate).</summary>
    public string? StackedUnder { get; init; }
    public required ImageLinksDto Links { get; init; }
}

public sealed record TagDto(string Name, string Source);

public sealed record CommentDto(string Id, string Author, string Text, DateTimeOffset CreatedAt);

public sealed record PipelineStatusDto(string Stage, string? ErrorCode, string? ErrorDetail);

public sealed record ImageLinksDto(string Self, string Original, IReadOnlyDictionary<string, string> Thumbnails);

/// <summary>Metadata read from the file (EXIF/XMP/IPTC). Capture time is the camera's local time.</summary>
public sealed record ImageMetadataDto
{
    /// <summary>Capture time as the camera wrote it, ISO 8601 without zone unless <see cref="CapturedOffset"/> is set.</summary>
    public string? CapturedAt { get; init; }
    /// <summary>UTC offset such as "+02:00", only when the file states one.</summary>
    public string? CapturedOffset { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? Altitude { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Lens { get; init; }
    public double? ExposureTime { get; init; }
    public double? FNumber { get; init; }
    public int? Iso { get; init; }
    public double? FocalLength { get; init; }
    public int? Orientation { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Creator { get; init; }
    public string? Copyright { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Country { get; init; }
    public string? Sublocation { get; init; }
}

/// <summary>The user-editable fields; null members are left unchanged.</summary>
public sealed record ImagePatchDto(string? Title, string? Description, int? Rating, bool? Favourite);

public sealed record TagChangeDto(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

public sealed record BulkTagChangeDto(IReadOnlyList<string> ImageIds, IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

public sealed record BulkImageIdsDto(IReadOnlyList<string> ImageIds);

public sealed record NewCommentDto(string Text, string? Author);

public sealed record BulkResultDto(int Succeeded, IReadOnlyList<string> NotFound);
