namespace ImageVault.Grains.Abstractions.Images;

/// <summary>Metadata read from the file, as the image grain keeps it. Capture time is floating local time.</summary>
[GenerateSerializer, Alias("iv.MetadataInfo")]
public sealed record MetadataInfo
{
    [Id(0)] public string? CapturedAt { get; init; }
    [Id(1)] public string? CapturedOffset { get; init; }
    [Id(2)] public double? Latitude { get; init; }
    [Id(3)] public double? Longitude { get; init; }
    [Id(4)] public double? Altitude { get; init; }
    [Id(5)] public string? Make { get; init; }
    [Id(6)] public string? Model { get; init; }
    [Id(7)] public string? Lens { get; init; }
    [Id(8)] public double? ExposureTime { get; init; }
    [Id(9)] public double? FNumber { get; init; }
    [Id(10)] public int? Iso { get; init; }
    [Id(11)] public double? FocalLength { get; init; }
    [Id(12)] public int? Orientation { get; init; }
    [Id(13)] public string? Title { get; init; }
    [Id(14)] public string? Description { get; init; }
    [Id(15)] public string? Creator { get; init; }
    [Id(16)] public string? Copyright { get; init; }
    [Id(17)] public List<string> Keywords { get; init; } = [];
    [Id(18)] public string? City { get; init; }
    [Id(19)] public string? State { get; init; }
    [Id(20)] public string? Country { get; init; }
    [Id(21)] public string? Sublocation { get; init; }
}
