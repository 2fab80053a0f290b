namespace ImageVault.Client;

/// <summary>A search: every member is optional; see the API reference for their meaning.</summary>
public sealed record SearchRequest
{
    /// <summary>Words to find in names, titles, descriptions, metadata and text read from the image.</summary>
    public string? Text { get; init; }

    /// <summary>Tags that must all be present.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Place words that must all be present (city, state, country, sublocation).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Only images in this album.</summary>
    public string? AlbumId { get; init; }

    /// <summary>Captured on or after this day (camera local time).</summary>
    public DateOnly? CapturedFrom { get; init; }

    /// <summary>Captured on or before this day (camera local time).</summary>
    public DateOnly? CapturedTo { get; init; }

    /// <summary>Camera make.</summary>
    public string? Make { get; init; }

    /// <summary>The camera exactly as the cameras facet names it.</summary>
    public string? Camera { get; init; }

    /// <summary>Named colours that must be present (red, blue, …).</summary>
    public IReadOnlyList<string> Colours { get; init; } = [];

    /// <summary>Images in the trash instead of live ones.</summary>
    public bool Trashed { get; init; }

    /// <summary>Page size (1–200).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Ask for facet counts (tags, cameras, years, colours).</summary>
    public bool Facets { get; init; }

    internal string ToQuery(string? cursor)
    {
        var q = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) q.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("q", Text);
        foreach (var t in Tags) Add("tag", t);
        foreach (var p in Places) Add("place", p);
        Add("album", AlbumId);
        Add("capturedFrom", CapturedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("capturedTo", CapturedTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("make", Make);
        Add("camera", Camera);
        foreach (var c in Colours) Add("colour", c);
        if (Trashed) Add("trashed", "true");
        if (Facets) Add("facets", "true");
        Add("limit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("cursor", cursor);
        return q.Count == 0 ? "" : "?" + string.Join('&', q);
    }
}
