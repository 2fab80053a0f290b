namespace ImageVault.Grains.Ports;

public enum SearchSort { CapturedDesc, CapturedAsc, UploadedDesc, UploadedAsc }

/// <summary>A search: keyword text plus filters (all must hold), a sort, a cursor and facet wishes.</summary>
public sealed record ImageSearchQuery
{
    public string? Text { get; init; }
    /// <summary>Every listed tag must be present.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Place words that must all be present (city, state, country, sublocation; any case).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    public string? AlbumId { get; init; }
    public DateTime? CapturedFrom { get; init; }
    public DateTime? CapturedTo { get; init; }
    public DateTimeOffset? UploadedFrom { get; init; }
    public DateTimeOffset? UploadedTo { get; init; }
    public string? Make { get; init; }
    /// <summary>The camera exactly as the cameras facet names it (make and model).</summary>
    public string? Camera { get; init; }
    public string? Model { get; init; }
    public int? MinRating { get; init; }
    public bool? Favourite { get; init; }
    public bool? HasLocation { get; init; }
    public GeoBox? Box { get; init; }
    public string? Orientation { get; init; }
    /// <summary>Bounds on the long edge in pixels.</summary>
    public int? MinSize { get; init; }
    public int? MaxSize { get; init; }
    public string? Format { get; init; }
    /// <summary>Every listed colour name must be present.</summary>
    public IReadOnlyList<string> Colours { get; init; } = [];
    /// <summary>Any of these CIELAB cells (a hex colour with a tolerance, expanded by the caller).</summary>
    public IReadOnlyList<string> ColourCells { get; init; } = [];
    /// <summary>Images stacked under another are left out unless this is true.</summary>
    public bool IncludeStacked { get; init; }
    /// <summary>False (default): live images only; true: the trash only.</summary>
    public bool Trashed { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.CapturedDesc;
    public string? Cursor { get; init; }
    public int Limit { get; init; } = 50;
    public bool Facets { get; init; }
}

/// <summary>A latitude/longitude box; <see cref="West"/> &gt; <see cref="East"/> crosses the antimeridian.</summary>
public sealed record GeoBox(double South, double West, double North, double East);


/// <summary>A page of hits. <see cref="Total"/> counts the whole result, on every page.</summary>
public sealed record ImageSearchResult(
    long Total, IReadOnlyList<ImageSearchDocument> Items, string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>>? Facets);

/// <summary>The query could not be understood (bad cursor, bad syntax): a 400, never a 500.</summary>
public sealed class InvalidSearchException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The facet names every index adapter reports.</summary>
public static class SearchFacets
{
    public const string Tags = "tags", Cameras = "cameras", Years = "years", Colours = "colours", Analysis = "analysis", Stages = "stages", Places = "places";
}

/// <summary>A kNN hit: the document and its cosine similarity to the query vector.</summary>
public sealed record SimilarHit(ImageSearchDocument Document, double Similarity);
