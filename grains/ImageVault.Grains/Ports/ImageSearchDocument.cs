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
    /// <summary>"none", "pending", "done" or "failed".</summary>
    public string Analysis { get; init; } = "none";
    /// <summary>512-d L2-normalised; indexed for kNN, never returned in hits.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public float[]? Embedding { get; init; }
    /// <summary>pHash upright and turned 90°, 180°, 270° (near-duplicate checks on kNN hits).</summary>
    public IReadOnlyList<ulong> PHashes { get; init; } = [];
    /// <summary>Named colours covering a real share of the image ("red", "blue"…).</summary>
    public IReadOnlyList<string> Colours { get; init; } = [];
    /// <summary>Coarse CIELAB cells of the palette: "near this hex colour" becomes a terms filter.</summary>
    public IReadOnlyList<string> ColourCells { get; init; } = [];
    /// <summary>Text read from the pixels (OCR).</summary>
    public string? Text { get; init; }
    /// <summary>Stacked under another image (a reviewed near-duplicate): hidden unless asked for.</summary>
    public bool Stacked { get; init; }

    /// <summary>"Canon EOS 5D" from make "Canon" and model "Canon EOS 5D": the model alone when it repeats the make.</summary>
    public string? Camera => (Make, Model) switch
    {
        (null, null) => null,
        ({ } make, { } model) when model.StartsWith(make.Split(' ')[0], StringComparison.OrdinalIgnoreCase) => model,
        ({ } make, { } model) => $"{make} {model}",
        (var make, var model) => make ?? model,
    };

    /// <summary>Everything keyword search looks through, one field of text for every index adapter.</summary>
    public string SearchableText()
    {
        // File names like "IMG_2041-beach.jpg" hold words analyzers would glue together.
        var nameWords = string.Join(' ', FileName.Split(['_', '-', '.', ' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries));
        return string.Join('\n', new[] { FileName, nameWords, Title, Description, Make, Model, Lens, Text }
            .Concat(Tags).Concat(Places).Concat(Colours).Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    public string Orientation => (Width, Height) switch
    {
        (int w, int h) when w > h => "landscape",
        (int w, int h) when w < h => "portrait",
        (int, int) => "square",
        _ => "unknown",
    };
}
