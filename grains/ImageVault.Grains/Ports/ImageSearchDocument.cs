namespace ImageVault.Grains.Ports;

/// <summary>What the index knows of one image: derived from grain state, rebuilt at will.</summary>
public sealed record ImageSearchDocument
{
    public required string Tenant { get; init; }
    public required string Id { get; init; }
    public required long Version { get; init; }
    public required string FileName { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> AlbumIds { get; init; } = [];
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Lens { get; init; }
    /// <summary>Place words: city, state, country, sublocation.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    /// <summary>Floating local capture time (no zone): compared as written, never converted.</summary>
    public DateTime? CapturedAt { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public int Rating { get; init; }
    public bool Favourite { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public required string Format { get; init; }
    public bool Trashed { get; init; }
    public string? Placeholder { get; init; }
    public string Stage { get; init; } = "";

    public string Orientation => (Width, Height) switch
    {
        (int w, int h) when w > h => "landscape",
        (int w, int h) when w < h => "portrait",
        (int, int) => "square",
        _ => "unknown",
    };
}
