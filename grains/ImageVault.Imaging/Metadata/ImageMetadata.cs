namespace ImageVault.Imaging.Metadata;

/// <summary>
/// Metadata read from a file. <see cref="CapturedAt"/> is the camera's floating local time
/// ("yyyy-MM-ddTHH:mm:ss[.fff]"); <see cref="CapturedOffset"/> is set only when the file states one.
/// </summary>
public sealed record ImageMetadata
{
    public string? CapturedAt { get; init; }
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
    public bool HasExif { get; init; }
    public bool HasXmp { get; init; }
    public bool HasIptc { get; init; }
    /// <summary>Parser complaints worth keeping (bounded), e.g. a corrupt IFD that was skipped.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
