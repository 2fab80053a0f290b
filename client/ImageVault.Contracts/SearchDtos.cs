namespace ImageVault.Contracts;

/// <summary>One hit of a search: enough to draw a grid cell without another call.</summary>
public sealed record SearchHitDto(
    string Id, string FileName, string? Title, string? CapturedAt, DateTimeOffset UploadedAt,
    int? Width, int? Height, string? Placeholder, int Rating, bool Favourite, IReadOnlyList<string> Tags,
    string Thumbnail, IReadOnlyList<string>? Colours = null);

public sealed record FacetValueDto(string Value, long Count);

public sealed record SearchResponseDto(
    long Total, IReadOnlyList<SearchHitDto> Items, string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>>? Facets);

public sealed record ReindexResultDto(long Indexed, long Failed);

/// <summary>Images with unfinished pipeline work: how many, and up to 1000 of their ids.</summary>
public sealed record PipelineBacklogDto(long Pending, IReadOnlyList<string> ImageIds);
